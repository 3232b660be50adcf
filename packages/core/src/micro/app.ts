import type { HttpServerAdapter } from '../adapters/http-adapter';
import type { WebSocketHandlers, WebSocketRouteOptions } from '../adapters/websocket-host';
import type { ModuleImport } from '../di';
import type { ArmatureApplication } from '../application/armature-application';
import { ArmatureFactory } from '../application/armature-factory';
import type { ArmatureApplicationOptions } from '../application/application-options';
import type { DataKey } from '../wrap/http-request';
import { defineMiddleware, isArmatureMiddleware, type HttpMiddleware } from '../wrap/middleware';
import { parseListenTarget, type ListenTarget } from './listen-target';
import type { MethodRouter } from './method-router';
import { MicroScope } from './micro-scope';
import { microRootModule } from './root-module';
import { dataEntryOf, type DataEntry } from './shared-data';

export interface MicroAppOptions extends ArmatureApplicationOptions {
  /**
   * The HTTP adapter: a factory (`() => new NodeAdapter()`), or an instance (an adapter serves
   * one application, so such an app can be built once). Default: uWebSockets.js, falling back to
   * node:http (`ARMATURE_ADAPTER=uws|node` chooses).
   */
  adapter?: HttpServerAdapter | (() => HttpServerAdapter);
}

/** A running micro app: what `App.run()` resolves to. */
export interface MicroServer {
  readonly application: ArmatureApplication;
  /** e.g. `http://127.0.0.1:8080` */
  readonly url: string;
  readonly port: number;
  /** Graceful stop (in-flight requests finish, lifecycle hooks run). */
  close(): Promise<void>;
}

/**
 * The function-first API: `App.new().wrap(mw).data(db).route('/', get(h)).service(scope('/api')...)`.
 * It compiles into an ordinary `ArmatureApplication` (same route table, adapters, DI, errors),
 * so decorator modules mount into it with `.module(M)` and its scopes mount into a decorator
 * app with `app.mount(scope)`. A builder: each call changes this app and returns it.
 */
export class App {
  private readonly root = new MicroScope('');
  private readonly wraps: HttpMiddleware[] = [];
  private readonly modules: ModuleImport[] = [];
  private readonly appData: DataEntry[] = [];
  private readonly configurers: Array<(application: ArmatureApplication) => void | Promise<void>> = [];
  private readonly webSocketRoutes: Array<(application: ArmatureApplication) => void> = [];

  private constructor(private readonly options: MicroAppOptions) {}

  static new(options: MicroAppOptions = {}): App {
    return new App(options);
  }

  /**
   * Middleware around everything the app serves: micro routes, mounted modules' routes, and the
   * 404/405 answers. First given = outermost.
   */
  wrap(...middlewares: HttpMiddleware[]): this {
    for (const middleware of middlewares) {
      if (typeof middleware !== 'function') throw new TypeError(`App.wrap(): middleware must be a function, got ${typeof middleware}`);
    }
    this.wraps.push(...middlewares);
    return this;
  }

  /**
   * Shared state: `.data(new Db())` is `req.data(Db)` in handlers, and an injectable provider
   * (`Db`) for the controllers of modules given to `.module()`. `.data('key', value)` or
   * `.data(Token, value)` keys it explicitly.
   */
  data<T extends object>(value: T): this;
  data<T>(key: DataKey<T>, value: T): this;
  data(...args: unknown[]): this {
    const entry = dataEntryOf(args, 'App');
    this.appData.push(entry);
    this.root.dataEntries.push(entry);
    return this;
  }

  /** Handlers for a path: `.route('/users/:id', get(one).put(update))`. */
  route(path: string, router: MethodRouter): this {
    this.root.route(path, router);
    return this;
  }

  /** Mounts a scope (and the scopes nested in it). */
  service(scope: MicroScope): this {
    this.root.service(scope);
    return this;
  }

  /** Mounts decorator modules: their controllers, providers and DI live in this app. */
  module(...modules: ModuleImport[]): this {
    for (const module of modules) {
      if (module === undefined || module === null) throw new TypeError('App.module(): the module is undefined (check its import)');
    }
    this.modules.push(...modules);
    return this;
  }

  /**
   * A WebSocket route on the HTTP port: `.ws('/chat', { open, message, close, drain })`, with an
   * optional `upgrade` hook that can refuse the connection (401/403) before it opens. On uWS it is
   * a native uWS WebSocket route; on node:http the `ws` package serves it. See docs/websocket.md.
   */
  ws<T = Record<string, never>>(path: string, handlers: WebSocketHandlers<T>, options?: WebSocketRouteOptions): this {
    this.webSocketRoutes.push((application) => application.ws(path, handlers, options));
    return this;
  }

  /** Runs `fn` on the application before it starts (global pipes, CORS, a global prefix...). */
  configure(fn: (application: ArmatureApplication) => void | Promise<void>): this {
    this.configurers.push(fn);
    return this;
  }

  /** Builds the application (not yet listening): for tests, `init()`, or `listen()` by hand. */
  async build(): Promise<ArmatureApplication> {
    const { adapter, ...options } = this.options;
    const root = microRootModule(this.modules, this.appData);
    const instance = typeof adapter === 'function' ? adapter() : adapter;
    const application = instance === undefined ? await ArmatureFactory.create(root, options) : await ArmatureFactory.create(root, instance, options);
    // Armature middleware marked as such reach every route and the 404/405 answers through use();
    // micro routes compose them into their own chain (see compileScope).
    if (this.wraps.length > 0) application.use(...this.wraps.map((middleware) => (isArmatureMiddleware(middleware) ? middleware : defineMiddleware(middleware))));
    application.mount(this.root);
    for (const addWebSocketRoute of this.webSocketRoutes) addWebSocketRoute(application);
    for (const configure of this.configurers) await configure(application);
    return application;
  }

  /**
   * Builds and listens: `run('0.0.0.0:8080')`, `run(8080)`, `run({ port, host })`, or in worker
   * mode `run({ port, workers: 'auto' })` (the entry script must reach this call in every worker).
   * Resolves once the server (every worker) accepts connections.
   */
  async run(target: ListenTarget = 3000): Promise<MicroServer> {
    const { port, host, ...workerOptions } = parseListenTarget(target);
    const application = await this.build();
    if (workerOptions.workers === undefined) await application.listen(port, host);
    // Worker mode: each worker runs the entry script again, reaches this same run() and serves
    // there; the primary only supervises (its application is never initialised).
    else await application.listen(port, host, { ...workerOptions, workers: workerOptions.workers });
    const url = await application.getUrl();
    return { application, url, port: Number(new URL(url).port), close: () => application.close() };
  }
}

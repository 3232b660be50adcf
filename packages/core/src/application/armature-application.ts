import type { ArmatureContainer, ModuleRecord, Type } from '../di';
import { ContextIdFactory } from '../di';
import type { HttpServerAdapter, NodeLikeServer } from '../adapters/http-adapter';
import { compileRoute, type InstanceSource } from '../pipeline/compile-route';
import type { EnhancedParts } from '../pipeline/compile-enhanced-route';
import { hasAnyEnhancer, resolveRouteEnhancers, type GlobalEnhancers } from '../pipeline/route-enhancers';
import type { CanActivate, EnhancerRef, ExceptionFilter, MiddlewareFunction, NestInterceptor, PipeTransform } from '../enhancers/interfaces';
import { MiddlewareRegistry } from '../middleware/integration';
import { RouteParamtype } from '../decorators/param.decorators';
import { compileRouteSchemas, getRouteSchema, type CompiledRouteSchemas, type RouteSchema } from '../schema';
import { defaultStatusOf } from '../pipeline/result-writer';
import { CorsPolicy, type CorsOptions } from '../pipeline/cors';
import { buildRouteTable } from '../router/build-route-table';
import { exploreRoutes, type RouteInfo } from '../router/route-explorer';
import { describeHandler, type RouteDefinition } from '../router/route-definition';
import type { RouteTable } from '../router/route-table';
import type { VersioningOptions } from '../router/versioning';
import { DEFAULT_BODY_LIMIT, DEFAULT_MAX_HEADER_SIZE, type ArmatureApplicationOptions } from './application-options';
import { ArmatureApplicationContext } from './application-context';
import { ApplicationWebSockets } from './application-websockets';
import type { WebSocketHandlers, WebSocketRouteOptions } from '../adapters/websocket-host';
import { Logger } from './logger';
import { listenWithWorkers } from '../workers/application-workers';
import { parseListenArguments, type ListenArgument, type ApplicationListenOptions } from '../workers/listen-arguments';
import { WorkerPoolServer } from '../workers/pool-server';
import type { WorkerServer } from '../workers/worker-server';
import { addMountedRoutes, type Mountable, type MountedRoute, type RouteSource } from './mounted-routes';
import { isArmatureMiddleware, type HttpMiddleware } from '../wrap/middleware';
import { wrapRouteHandle, wrapDynamicHandle } from '../wrap/wrap-route-handle';
import type { RequestScope } from '../wrap/http-request';
import type { RouteHandle } from '../router/route-handle';

/** One route as `getRoutes()` lists it. */
export interface RouteDescription {
  method: string;
  path: string;
  /** `CatsController#findAll` */
  handler: string;
  module: string;
  host?: string;
  versions?: string[];
  /** Class names of the enhancers that run for this route, in execution order. */
  guards?: string[];
  interceptors?: string[];
  pipes?: string[];
  filters?: string[];
  /** The route's `@Schema` metadata, as an OpenAPI generator reads it. */
  schemas?: RouteSchema;
}

/**
 * A running (or ready-to-run) HTTP application: the DI container, the compiled route table and
 * the HTTP adapter. `ArmatureFactory.create()` and the testing module build it.
 */
export class ArmatureApplication extends ArmatureApplicationContext {
  private globalPrefix?: { prefix: string; exclude: ReadonlyArray<string | RouteInfo> };
  private versioning?: VersioningOptions;
  private cors?: CorsPolicy;
  private routeTable?: RouteTable;
  private routes: RouteDefinition[] = [];
  private readonly enhancedParts = new Map<RouteDefinition, EnhancedParts | undefined>();
  private readonly middleware = new MiddlewareRegistry();
  /** Armature (onion) middleware given to `app.use()`, optionally under a path prefix. */
  private readonly wraps: Array<{ readonly prefix?: string; readonly middleware: HttpMiddleware }> = [];
  private readonly routeSources: RouteSource[] = [];
  private mountedRoutes: readonly MountedRoute[] = [];
  private readonly globalEnhancers: GlobalEnhancers = { guards: [], interceptors: [], pipes: [], filters: [] };
  private readonly webSockets: ApplicationWebSockets;
  /** Set by `listen(port, { workers })`: the pool in the primary, this worker's server in a worker. */
  private workerServer?: WorkerServer;

  constructor(
    container: ArmatureContainer,
    private readonly adapter: HttpServerAdapter,
    private readonly options: ArmatureApplicationOptions = {},
  ) {
    super(container);
    this.webSockets = new ApplicationWebSockets(adapter);
    if (options.cors) this.enableCors(options.cors === true ? {} : options.cors);
  }

  /** Routes are compiled before `onModuleInit`, as NestJS registers its router first. */
  protected override async beforeInitHooks(): Promise<void> {
    this.routeTable = await this.compileRoutes();
    this.adapter.init(this.routeTable, {
      bodyLimit: this.options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      maxHeaderSize: this.options.maxHeaderSize ?? DEFAULT_MAX_HEADER_SIZE,
      logger: new Logger(`${this.adapter.name}-adapter`),
    });
    // Gateways and app.ws() routes open before onModuleInit and before the server listens (as in NestJS).
    await this.webSockets.attach(this, this.container.modules);
  }

  /** Stops the server: new connections refused, in-flight requests drained. */
  protected override async dispose(): Promise<void> {
    if (this.workerServer?.role === 'primary') await this.workerServer.close(); // drains every worker
    await this.webSockets.close(); // WebSockets get their 1001 close while the server still runs
    if (this.adapter.address() !== null) await this.adapter.close(this.options.shutdownTimeoutMs);
  }

  /**
   * Initializes if needed and starts listening; resolves to the (node-like) HTTP server.
   * `listen(port, { workers: 'auto' | n })` serves from one worker per core instead (docs/workers.md).
   */
  listen(port: number | string, callback?: () => void): Promise<NodeLikeServer>;
  listen(port: number | string, host: string | undefined, callback?: () => void): Promise<NodeLikeServer>;
  listen(port: number | string, options: ApplicationListenOptions, callback?: () => void): Promise<NodeLikeServer>;
  listen(port: number | string, host: string | undefined, options: ApplicationListenOptions, callback?: () => void): Promise<NodeLikeServer>;
  async listen(port: number | string, ...rest: ListenArgument[]): Promise<NodeLikeServer> {
    const { host, callback: done, options } = parseListenArguments(rest);
    if (options?.workers !== undefined) {
      this.workerServer = await listenWithWorkers(this, Number(port), host, { ...options, workers: options.workers }, this.options.shutdownTimeoutMs);
      done?.();
      return this.workerServer.role === 'primary' ? new WorkerPoolServer(this.workerServer) : this.adapter.getHttpServer();
    }
    await this.init();
    await this.adapter.listen(Number(port), host);
    this.logger.log(`Armature application listening on ${await this.getUrl()} (${this.adapter.name} adapter)`);
    done?.();
    return this.adapter.getHttpServer();
  }

  /** `http://127.0.0.1:3000`-style URL of the listening server. */
  async getUrl(): Promise<string> {
    const address = this.workerServer?.role === 'primary' ? this.workerServer.address() : this.adapter.address();
    if (address === null) throw new Error('app.listen() needs to be called before calling app.getUrl()');
    const host =
      address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.address.includes(':') ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  setGlobalPrefix(prefix: string, options: { exclude?: Array<string | RouteInfo> } = {}): this {
    this.assertNotInitialized('setGlobalPrefix');
    this.globalPrefix = { prefix, exclude: options.exclude ?? [] };
    return this;
  }

  enableVersioning(options: VersioningOptions): this {
    this.assertNotInitialized('enableVersioning');
    this.versioning = options;
    return this;
  }

  enableCors(options: CorsOptions = {}): this {
    this.assertNotInitialized('enableCors');
    this.cors = new CorsPolicy(options);
    return this;
  }

  /**
   * The node-Server-like object supertest drives (`request(app.getHttpServer())`). Typed `any` as in
   * NestJS: supertest's typings want a `net.Server`, which the uWS facade imitates but is not.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  getHttpServer(): any {
    return this.adapter.getHttpServer();
  }

  getHttpAdapter(): HttpServerAdapter {
    return this.adapter;
  }

  /**
   * A raw WebSocket route on the HTTP port (what the micro API's `app.ws()` forwards to). Handlers
   * get adapter-neutral connections with topic pub/sub; gateways (`@armature/websocket`) build on the same host.
   */
  ws<T = Record<string, never>>(path: string, handlers: WebSocketHandlers<T>, options?: WebSocketRouteOptions): this {
    this.webSockets.addRoute(path, handlers, options);
    return this;
  }

  /** NestJS's `useWebSocketAdapter()`: here it takes what gateways should broadcast through (e.g. `@armature/websocket`'s Redis adapter). */
  useWebSocketAdapter(adapter: unknown): this {
    this.assertNotInitialized('useWebSocketAdapter');
    this.webSockets.webSocketAdapter = adapter;
    return this;
  }

  getWebSocketAdapter(): unknown {
    return this.webSockets.webSocketAdapter;
  }

  /** The compiled route table (after `init()`). */
  getRouteTable(): RouteTable | undefined {
    return this.routeTable;
  }

  /** Every route as declared (after `init()`), with its pipeline, for tooling such as `armature routes`. */
  getRoutes(): RouteDescription[] {
    const mounted = this.mountedRoutes.map((route) => ({ method: route.method, path: route.path, handler: route.owner, module: 'mounted', schemas: route.schemas }));
    return this.routes.map((route): RouteDescription => {
      const parts = this.enhancedParts.get(route);
      const names = (list: object[] | undefined) => (list === undefined || list.length === 0 ? undefined : list.map(enhancerName));
      return {
        method: route.method,
        path: route.path,
        handler: describeHandler(route),
        module: route.module.name,
        host: route.host === undefined ? undefined : String(route.host),
        versions: route.versions?.map((v) => (typeof v === 'string' ? v : 'VERSION_NEUTRAL')),
        guards: names(parts?.enhancers.guards),
        interceptors: names(parts?.enhancers.interceptors),
        pipes: names(parts === undefined ? undefined : [...parts.enhancers.pipes, ...[...parts.enhancers.paramPipes.values()].flat()]),
        filters: names(parts?.enhancers.filters),
        schemas: getRouteSchema(route.handler),
      };
    }).concat(mounted);
  }

  /**
   * Global middleware: Express style (`app.use(cors())`, `app.use('/api', fn)`) or Armature
   * middleware (`app.use(Cors.permissive())`, anything made with `defineMiddleware`). Both run for
   * unmatched paths too. Armature middleware wraps everything else (Express middleware, CORS,
   * guards, the handler), in registration order.
   */
  use(...args: Array<string | MiddlewareFunction | MiddlewareFunction[] | HttpMiddleware>): this {
    this.assertNotInitialized('use');
    const prefix = typeof args[0] === 'string' ? args[0] : undefined;
    const given = (prefix === undefined ? args : args.slice(1)).flat() as unknown[];
    const wraps = given.filter(isArmatureMiddleware);
    if (wraps.length === 0) {
      this.middleware.use(...(args as Array<string | MiddlewareFunction | MiddlewareFunction[]>));
      return this;
    }
    if (wraps.length !== given.length) throw new Error('app.use(): pass Armature middleware and Express middleware in separate calls');
    const normalized = prefix === undefined ? undefined : `/${prefix.replace(/^\/+|\/+$/g, '')}`;
    for (const middleware of wraps) this.wraps.push({ prefix: normalized === '/' ? undefined : normalized, middleware });
    return this;
  }

  /** Adds routes compiled elsewhere (a micro-API `scope(...)`) to this application's route table. */
  mount(...mountables: Mountable[]): this {
    this.assertNotInitialized('mount');
    for (const mountable of mountables) this.routeSources.push(mountable.toRouteSource());
    return this;
  }

  /** @internal The lower-level form of `mount()`: a function producing compiled routes at init. */
  addRouteSource(source: RouteSource): this {
    this.assertNotInitialized('addRouteSource');
    this.routeSources.push(source);
    return this;
  }

  /** Guards for every route (instances, or classes built with the root module's DI). */
  useGlobalGuards(...guards: Array<EnhancerRef<CanActivate>>): this {
    this.assertNotInitialized('useGlobalGuards');
    this.globalEnhancers.guards.push(...guards);
    return this;
  }

  useGlobalInterceptors(...interceptors: Array<EnhancerRef<NestInterceptor>>): this {
    this.assertNotInitialized('useGlobalInterceptors');
    this.globalEnhancers.interceptors.push(...interceptors);
    return this;
  }

  useGlobalPipes(...pipes: Array<EnhancerRef<PipeTransform>>): this {
    this.assertNotInitialized('useGlobalPipes');
    this.globalEnhancers.pipes.push(...pipes);
    return this;
  }

  useGlobalFilters(...filters: Array<EnhancerRef<ExceptionFilter>>): this {
    this.assertNotInitialized('useGlobalFilters');
    this.globalEnhancers.filters.push(...filters);
    return this;
  }

  /** `app.useGlobal*()` first, then `APP_*` providers in module order (as NestJS applies them). */
  private collectGlobalEnhancers(): GlobalEnhancers {
    const globals: GlobalEnhancers = {
      guards: [...this.globalEnhancers.guards],
      interceptors: [...this.globalEnhancers.interceptors],
      pipes: [...this.globalEnhancers.pipes],
      filters: [...this.globalEnhancers.filters],
    };
    const byToken: Record<string, unknown[]> = { APP_GUARD: globals.guards, APP_INTERCEPTOR: globals.interceptors, APP_PIPE: globals.pipes, APP_FILTER: globals.filters };
    for (const module of this.container.modules) {
      for (const { token, instance } of module.appEnhancers()) byToken[token].push(instance);
    }
    return globals;
  }

  /** The enhanced parts of a route, or undefined when it uses none (it then keeps the plain closure). */
  private async enhancedPartsFor(route: RouteDefinition, globals: GlobalEnhancers): Promise<EnhancedParts | undefined> {
    const enhancers = await resolveRouteEnhancers(route, globals);
    const schemas = compileSchemasFor(route);
    const middleware = this.middleware.compile(route);
    const usesCustomParams = route.params.some((p) => p.type === RouteParamtype.CUSTOM);
    if (!hasAnyEnhancer(enhancers) && !usesCustomParams && schemas === undefined && middleware === undefined) return undefined;
    return { enhancers, schemas, middleware };
  }

  private async compileRoutes(): Promise<RouteTable> {
    const routes = (this.routes = exploreRoutes(this.container.modules, {
      globalPrefix: this.globalPrefix?.prefix,
      globalPrefixExclude: this.globalPrefix?.exclude,
      versioning: this.versioning,
    }));
    for (const route of routes) this.logger.log(`Mapped {${route.path}, ${route.method}} route`, 'RouterExplorer');
    const bodyLimit = this.options.bodyLimit ?? DEFAULT_BODY_LIMIT;
    const logger = new Logger('ExceptionsHandler');
    const cors = this.cors;
    await this.middleware.prepare(this.container.modules, {
      globalPrefix: this.globalPrefix?.prefix,
      globalPrefixExclude: this.globalPrefix?.exclude,
      versioning: this.versioning,
    });
    const globals = this.collectGlobalEnhancers();
    const enhanced = this.enhancedParts;
    for (const route of routes) enhanced.set(route, await this.enhancedPartsFor(route, globals));
    const scope: RequestScope = { bodyLimit, data: (key) => this.get(key as never) };
    const wrapsFor = (path: string): HttpMiddleware[] =>
      this.wraps.filter((entry) => entry.prefix === undefined || isUnderPrefix(path, entry.prefix)).map((entry) => entry.middleware);
    const withWraps = (handle: RouteHandle, path: string): RouteHandle => wrapRouteHandle(handle, wrapsFor(path), scope, logger);
    const withCors = (handle: RouteHandle): RouteHandle => (cors === undefined ? handle : cors.wrap(handle));
    const preflight = cors?.preflightHandle();
    const missWraps = this.wraps.length === 0 ? undefined : wrapDynamicHandle(this.wraps, scope, logger);
    const wrapUnmatched = this.middleware.wrapUnmatched;
    const table = buildRouteTable(
      routes,
      (route) => withWraps(withCors(compileRoute(route, { bodyLimit, logger, instances: instanceSourceFor(route), enhanced: enhanced.get(route) })), route.path),
      {
        preflight: preflight === undefined || missWraps === undefined ? preflight : missWraps(preflight),
        versioning: this.versioning,
        wrapMiss: missWraps === undefined ? wrapUnmatched : (handle) => missWraps(wrapUnmatched(handle)),
      },
    );
    const context = {
      bodyLimit,
      logger,
      resolve: scope.data,
      globalPrefix: this.globalPrefix?.prefix.replace(/^\/+|\/+$/g, '') || undefined,
      middlewareFor: wrapsFor,
    };
    const mounted: MountedRoute[] = [];
    for (const source of this.routeSources) mounted.push(...(await source(context)));
    this.mountedRoutes = mounted.map((route) => ({
      ...route,
      handle: route.includesAppMiddleware === true ? withCors(route.handle) : withWraps(withCors(route.handle), route.path),
    }));
    addMountedRoutes(table, this.mountedRoutes, preflight === undefined || missWraps === undefined ? preflight : missWraps(preflight));
    return table;
  }

  private assertNotInitialized(method: string): void {
    if (this.initialized) throw new Error(`${method}() must be called before app.init() / app.listen()`);
  }
}

/** `/api/users` is under `/api`; `/apiary` is not. */
function isUnderPrefix(path: string, prefix: string): boolean {
  const lower = path.toLowerCase();
  const base = prefix.toLowerCase();
  return lower === base || lower.startsWith(`${base}/`);
}

function enhancerName(enhancer: object): string {
  const name = enhancer.constructor?.name;
  return name === undefined || name === 'Object' ? 'anonymous' : name;
}

/** The route's schemas (`@Schema`, or a `@DtoSchema` DTO taken by `@Body()`), compiled once. */
function compileSchemasFor(route: RouteDefinition): CompiledRouteSchemas | undefined {
  const paramTypes: Function[] = Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.methodName) ?? [];
  const metatypeOf = (type: RouteParamtype) => {
    const param = route.params.find((p) => p.type === type && p.data === undefined);
    return param === undefined ? undefined : paramTypes[param.index];
  };
  return compileRouteSchemas({
    handler: route.handler,
    method: route.method,
    defaultStatus: defaultStatusOf(route),
    bodyMetatype: metatypeOf(RouteParamtype.BODY),
    queryMetatype: metatypeOf(RouteParamtype.QUERY),
    routeName: `${route.method} ${route.path} (${describeHandler(route)})`,
  });
}

/** Singleton controllers are resolved once, here; request-scoped ones per request by DI. */
function instanceSourceFor(route: RouteDefinition): InstanceSource {
  const module: ModuleRecord = route.module;
  const controller = route.controller as Type<object>;
  if (module.isStatic(controller)) return { kind: 'static', instance: module.getInstance(controller) };
  return {
    kind: 'per-request',
    resolve: (request) => module.resolvePerContext(controller, ContextIdFactory.create(), request),
  };
}

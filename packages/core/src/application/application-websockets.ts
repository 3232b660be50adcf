import type { ModuleRecord } from '../di';
import type { HttpServerAdapter } from '../adapters/http-adapter';
import type { WebSocketHandlers, WebSocketHost, WebSocketRouteOptions } from '../adapters/websocket-host';
import { applicationExtensions, type ApplicationExtensionAttachment } from './application-extensions';
import { Logger } from './logger';

interface PendingRoute {
  readonly path: string;
  readonly handlers: WebSocketHandlers<never>;
  readonly options: WebSocketRouteOptions | undefined;
}

/**
 * The WebSocket part of an application: raw routes given to `app.ws()`, the object given to
 * `app.useWebSocketAdapter()`, and the extensions (gateways) attached at init and closed first at
 * shutdown, while their connections are still open.
 */
export class ApplicationWebSockets {
  private readonly pending: PendingRoute[] = [];
  private host: WebSocketHost | undefined;
  private attachments: ApplicationExtensionAttachment[] = [];
  private attached = false;
  private adapterOption: unknown;
  private readonly logger = new Logger('WebSockets');

  constructor(private readonly adapter: HttpServerAdapter) {}

  set webSocketAdapter(value: unknown) {
    this.adapterOption = value;
  }

  get webSocketAdapter(): unknown {
    return this.adapterOption;
  }

  /** Routes given before init wait for it; later ones open at once. */
  addRoute<T>(path: string, handlers: WebSocketHandlers<T>, options?: WebSocketRouteOptions): void {
    if (this.attached) this.open(path, handlers, options);
    else this.pending.push({ path, handlers: handlers as WebSocketHandlers<never>, options });
  }

  /** The adapter's host, created on first use; throws with the reason when the adapter has none. */
  requireHost(): WebSocketHost {
    if (this.host !== undefined) return this.host;
    const host = this.adapter.webSockets?.();
    if (host === undefined) throw new Error(`The ${this.adapter.name} adapter does not support WebSockets (it has no webSockets() host)`);
    this.host = host;
    return host;
  }

  /** Called by `app.init()` once the adapter is initialised. */
  async attach(application: object, modules: readonly ModuleRecord[]): Promise<void> {
    this.attached = true;
    for (const route of this.pending.splice(0)) this.open(route.path, route.handlers, route.options);
    const context = {
      application,
      modules,
      adapter: this.adapter,
      webSocketHost: () => this.requireHost(),
      webSocketAdapter: this.adapterOption,
      logger: this.logger,
    };
    for (const extension of applicationExtensions()) {
      const attachment = await extension.attach(context);
      if (attachment) this.attachments.push(attachment);
    }
  }

  /** Called by `app.close()` before the adapter closes: extensions first (in reverse), then raw routes' sockets. */
  async close(): Promise<void> {
    const attachments = this.attachments.splice(0).reverse();
    for (const attachment of attachments) await attachment.close();
    await this.host?.closeAll();
  }

  private open<T>(path: string, handlers: WebSocketHandlers<T>, options: WebSocketRouteOptions | undefined): void {
    this.requireHost().route(path, handlers, options);
    this.logger.log(`Mapped {${path}, WS} route`);
  }
}

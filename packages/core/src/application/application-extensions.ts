import type { ModuleRecord } from '../di';
import type { HttpServerAdapter } from '../adapters/http-adapter';
import type { WebSocketHost } from '../adapters/websocket-host';
import type { LoggerService } from './logger';

/** What an extension gets to see of an application while it initialises. */
export interface ApplicationExtensionContext {
  /** The application itself (an `ArmatureApplication`), for extensions that read its settings. */
  readonly application: object;
  /** Every module of the graph, with its instances, deepest first. */
  readonly modules: readonly ModuleRecord[];
  readonly adapter: HttpServerAdapter;
  /** The adapter's WebSocket host (created on first call); throws when the adapter has none. */
  webSocketHost(): WebSocketHost;
  /** What `app.useWebSocketAdapter(...)` was given, if anything. */
  readonly webSocketAdapter: unknown;
  readonly logger: LoggerService;
}

/** What an extension left running in one application; the application closes it. */
export interface ApplicationExtensionAttachment {
  /** Called by `app.close()` before the HTTP server stops (connections still open). */
  close(): Promise<void>;
}

/**
 * A package that plugs into every application at `init()`, after the routes are compiled and the
 * adapter initialised, before `onModuleInit` and before the server listens. `@armature/websocket`
 * registers one when it is imported: importing the package is the whole setup, as with NestJS.
 */
export interface ApplicationExtension {
  /** Unique: registering the same name twice keeps the first (a package loaded twice). */
  readonly name: string;
  attach(context: ApplicationExtensionContext): Promise<ApplicationExtensionAttachment | void> | ApplicationExtensionAttachment | void;
}

const extensions: ApplicationExtension[] = [];

export function registerApplicationExtension(extension: ApplicationExtension): void {
  if (!extensions.some((known) => known.name === extension.name)) extensions.push(extension);
}

/** Registered extensions, in registration order. */
export function applicationExtensions(): readonly ApplicationExtension[] {
  return extensions;
}

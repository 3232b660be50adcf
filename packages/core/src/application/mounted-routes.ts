import type { LoggerService } from './logger';
import type { RouteHandle } from '../router/route-handle';
import type { RouteTable } from '../router/route-table';
import type { RouteSchema } from '../schema';
import type { DataKey } from '../wrap/http-request';
import type { HttpMiddleware } from '../wrap/middleware';

/** Methods a route registered for every method answers. */
const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'SEARCH'];

/** A route compiled outside the decorator explorer (a micro-API scope), added to the same table. */
export interface MountedRoute {
  /** Upper-case method, or `ALL` for one handler answering every method. */
  readonly method: string;
  /** Full path in find-my-way syntax. */
  readonly path: string;
  readonly handle: RouteHandle;
  /** Names the handler in duplicate-route errors and `getRoutes()` (e.g. `GET /users (micro)`). */
  readonly owner: string;
  readonly schemas?: RouteSchema;
  /**
   * The handle already runs the application's Armature middleware (`context.middlewareFor(path)`)
   * in its own chain, so the application must not wrap it again: one chain and one `HttpRequest`
   * per request, which lets `req.locals`/`req.id` set by app middleware reach the handler.
   */
  readonly includesAppMiddleware?: boolean;
}

/** What a route source gets from the application it is mounted into. */
export interface RouteSourceContext {
  readonly bodyLimit: number;
  readonly logger: LoggerService;
  /** The application's DI container, as `req.data(Type)` falls back to it. */
  readonly resolve: (key: DataKey) => unknown;
  /** The global prefix (without slashes at the ends), when one is set. */
  readonly globalPrefix: string | undefined;
  /** The application's Armature middleware (`app.use()`) that applies to `path`, outermost first. */
  readonly middlewareFor: (path: string) => readonly HttpMiddleware[];
}

/** Produces compiled routes at `init()`, once the application's DI container is ready. */
export type RouteSource = (context: RouteSourceContext) => readonly MountedRoute[] | Promise<readonly MountedRoute[]>;

/** Anything `app.mount()` accepts: a micro `scope(...)`, or any other source of compiled routes. */
export interface Mountable {
  toRouteSource(): RouteSource;
}

/**
 * Adds mounted routes after the decorator routes: a GET also answers HEAD unless HEAD is taken,
 * `ALL` fills the methods nobody declared, and `preflight` (CORS) answers OPTIONS where free.
 */
export function addMountedRoutes(table: RouteTable, routes: readonly MountedRoute[], preflight: RouteHandle | undefined): void {
  const explicit = routes.filter((route) => route.method !== 'ALL');
  for (const route of explicit) table.add(route.method, route.path, route.handle, route.owner);
  for (const route of explicit) {
    if (route.method === 'GET' && !table.has('HEAD', route.path)) table.add('HEAD', route.path, route.handle, route.owner);
  }
  if (preflight !== undefined) {
    for (const route of routes) if (!table.has('OPTIONS', route.path)) table.add('OPTIONS', route.path, preflight, 'CORS preflight');
  }
  for (const route of routes) {
    if (route.method !== 'ALL') continue;
    for (const method of ALL_METHODS) if (!table.has(method, route.path)) table.add(method, route.path, route.handle, route.owner);
  }
}

import type { Mountable, RouteSource } from '../application/mounted-routes';
import type { DataKey } from '../wrap/http-request';
import type { HttpMiddleware } from '../wrap/middleware';
import { compileScope } from './compile-scope';
import { MethodRouter } from './method-router';
import { dataEntryOf, type DataEntry } from './shared-data';

/** A path and its handlers, as `.route(path, get(h).post(h2))` declared them. */
export interface ScopeRoute {
  readonly path: string;
  readonly router: MethodRouter;
}

/**
 * A group of routes under a path prefix, with its own middleware and shared data:
 * `scope('/api').wrap(auth).data(cache).route('/users', get(list)).service(scope('/admin')...)`.
 * Middleware and data apply to the scope's routes and to every nested scope. A builder: each
 * call changes this scope and returns it.
 *
 * A scope is also what a decorator application mounts: `app.mount(scope('/micro')...)` compiles
 * its routes into that application's table, with its DI behind `req.data(Type)`.
 */
export class MicroScope implements Mountable {
  /** @internal */
  readonly wraps: HttpMiddleware[] = [];
  /** @internal */
  readonly dataEntries: DataEntry[] = [];
  /** @internal */
  readonly routes: ScopeRoute[] = [];
  /** @internal */
  readonly children: MicroScope[] = [];

  constructor(readonly prefix: string) {
    if (typeof prefix !== 'string') throw new TypeError(`scope(prefix): the prefix must be a string, got ${typeof prefix}`);
  }

  /** Middleware for every route of this scope and of its nested scopes, in the order given (first = outermost). */
  wrap(...middlewares: HttpMiddleware[]): this {
    for (const middleware of middlewares) {
      if (typeof middleware !== 'function') throw new TypeError(`scope('${this.prefix}').wrap(): middleware must be a function, got ${typeof middleware}`);
    }
    this.wraps.push(...middlewares);
    return this;
  }

  /** Shared state for this scope's handlers: `.data(new Cache())` → `req.data(Cache)`, or `.data('key', value)`. */
  data<T extends object>(value: T): this;
  data<T>(key: DataKey<T>, value: T): this;
  data(...args: unknown[]): this {
    this.dataEntries.push(dataEntryOf(args, `scope('${this.prefix}')`));
    return this;
  }

  /** Handlers for `path` (relative to the prefix): `.route('/users/:id', get(one).delete(remove))`. */
  route(path: string, router: MethodRouter): this {
    if (typeof path !== 'string') throw new TypeError(`route(path, ...): the path must be a string, got ${typeof path}`);
    if (!(router instanceof MethodRouter)) {
      throw new TypeError(`route('${path}', ...): expected handlers built with get(), post(), any()..., got ${router === null ? 'null' : typeof router}`);
    }
    if (router.entries.length === 0) throw new Error(`route('${path}', ...): the route has no handler`);
    this.routes.push({ path, router });
    return this;
  }

  /** Nests a scope: its prefix, middleware and data add to this one's. */
  service(child: MicroScope): this {
    if (!(child instanceof MicroScope)) throw new TypeError(`service(...): expected a scope(prefix), got ${child === null ? 'null' : typeof child}`);
    if (child === this || contains(child, this)) throw new Error(`service(): scope('${child.prefix}') cannot be nested inside itself`);
    this.children.push(child);
    return this;
  }

  /** @internal What `app.mount()` calls: the routes are compiled at init, with the application's settings. */
  toRouteSource(): RouteSource {
    return (context) => compileScope(this, context);
  }
}

function contains(scope: MicroScope, target: MicroScope): boolean {
  return scope.children.some((child) => child === target || contains(child, target));
}

/** A group of routes under `prefix` (see `MicroScope`). */
export function scope(prefix = ''): MicroScope {
  return new MicroScope(prefix);
}

import type { HttpMiddleware } from '../wrap/middleware';
import type { AnyHandler, Handler, MicroSchema, RouteOptions } from './route-types';

/** One handler of a route: `ALL` for `any()`. */
export interface MethodEntry {
  readonly method: string;
  readonly handler: AnyHandler;
  readonly options: RouteOptions;
}

/**
 * The handlers of one path, by method: what `.route(path, ...)` takes. Built with `get(h)`,
 * `post(h)`... and chained (`get(list).post(create)`); `.wrap(mw)` adds middleware for every
 * method of this route. A builder: each call changes this router and returns it.
 */
export class MethodRouter {
  /** @internal */
  readonly entries: MethodEntry[] = [];
  /** @internal */
  readonly wraps: HttpMiddleware[] = [];

  get<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('GET', handler, options);
  }

  post<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('POST', handler, options);
  }

  put<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('PUT', handler, options);
  }

  patch<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('PATCH', handler, options);
  }

  delete<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('DELETE', handler, options);
  }

  head<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('HEAD', handler, options);
  }

  options<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('OPTIONS', handler, options);
  }

  /** One handler for every method no other handler of this path claims. */
  any<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on('ALL', handler, options);
  }

  /** Any other method, e.g. `.method('SEARCH', handler)`. */
  method<const S extends MicroSchema = MicroSchema>(method: string, handler: Handler<S>, options?: RouteOptions<S>): this {
    return this.on(method.toUpperCase(), handler, options);
  }

  /** Middleware for every method of this route (inside the app's and the scopes'). */
  wrap(...middlewares: HttpMiddleware[]): this {
    this.wraps.push(...middlewares);
    return this;
  }

  private on(method: string, handler: unknown, options: RouteOptions | undefined): this {
    if (typeof handler !== 'function') throw new TypeError(`${method === 'ALL' ? 'any' : method.toLowerCase()}(): the handler must be a function, got ${typeof handler}`);
    if (this.entries.some((entry) => entry.method === method)) {
      throw new Error(`This route already has ${method === 'ALL' ? 'an any()' : `a ${method}`} handler`);
    }
    this.entries.push({ method, handler: handler as AnyHandler, options: options ?? {} });
    return this;
  }
}

/** `GET` handler: `route('/users', get(list))`. A GET also answers HEAD unless a HEAD handler is given. */
export function get<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().get(handler, options);
}

export function post<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().post(handler, options);
}

export function put<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().put(handler, options);
}

export function patch<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().patch(handler, options);
}

/** `DELETE` handler (`delete` is a reserved word: the function is `del`, the chained method `.delete()`). */
export function del<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().delete(handler, options);
}

export function head<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().head(handler, options);
}

export function options<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().options(handler, options);
}

/** One shared handler for every method (GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD, SEARCH). */
export function any<const S extends MicroSchema = MicroSchema>(handler: Handler<S>, options?: RouteOptions<S>): MethodRouter {
  return new MethodRouter().any(handler, options);
}

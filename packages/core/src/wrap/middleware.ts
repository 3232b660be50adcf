import type { HttpRequest } from './http-request';
import type { HttpResponse } from './http-response';

/** Runs the rest of the chain (later middleware, then the route) and resolves to its response. Call it at most once. */
export type HttpNext = () => Promise<HttpResponse>;

/**
 * Armature middleware, onion style: it sees the request, may answer by itself, or calls `next()`
 * and may change the response that comes back. Chains are composed once, when the app is built.
 * Errors thrown by later layers never reach it as rejections: `next()` resolves to the error
 * response (its `error` field holds the exception), so every layer can still log or decorate it.
 */
export type HttpMiddleware = (req: HttpRequest, next: HttpNext) => HttpResponse | Promise<HttpResponse>;

/**
 * What a middleware reads off the native request, which the adapter must copy before the route
 * runs (uWS's request dies at the first await). A plain function declares nothing and so is
 * given every header and the remote address.
 */
export interface WrapNeeds {
  /** Header names (lower case) it reads, or 'all'. */
  readonly headers?: readonly string[] | 'all';
  readonly ip?: boolean;
  /** It reads the request body (`req.json()`/`text()`/`body()`). */
  readonly body?: boolean;
}

const NEEDS = Symbol.for('armature.wrap.needs');
const ALL_NEEDS: WrapNeeds = Object.freeze({ headers: 'all', ip: true });

/**
 * Marks a function as Armature middleware and declares what it reads. `app.use()` on a decorator
 * application tells Armature middleware from Express middleware by this mark.
 */
export function defineMiddleware<M extends HttpMiddleware>(middleware: M, needs: WrapNeeds = ALL_NEEDS): M {
  Object.defineProperty(middleware, NEEDS, { value: Object.freeze({ ...needs }), enumerable: false });
  return middleware;
}

export function isArmatureMiddleware(value: unknown): value is HttpMiddleware {
  return typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[NEEDS] !== undefined;
}

/** The needs a middleware declared (everything, for an unmarked function). */
export function needsOf(middleware: HttpMiddleware): WrapNeeds {
  return (middleware as unknown as Record<symbol, WrapNeeds | undefined>)[NEEDS] ?? ALL_NEEDS;
}

/** Gives `target` the needs `source` declared (for wrappers around a middleware). */
export function copyNeeds(source: HttpMiddleware, target: HttpMiddleware): HttpMiddleware {
  return defineMiddleware(target, needsOf(source));
}

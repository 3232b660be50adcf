import type { LoggerService } from '../application/logger';
import { errorResponse } from './error-response';
import type { HttpRequest } from './http-request';
import { HttpResponse } from './http-response';
import type { HttpMiddleware } from './middleware';

/** The innermost step of a chain: the route itself, answering with a response. */
export type Endpoint = (req: HttpRequest) => HttpResponse | Promise<HttpResponse>;
export type ComposedChain = (req: HttpRequest) => Promise<HttpResponse>;

/**
 * Composes middleware around an endpoint, once, at build time: the result is one function per
 * route, and a request walks closures that already exist (the old design rebuilt its chain on
 * every request). Every layer is insulated: a throw or rejection below it comes back from
 * `next()` as an error response, and a layer that returns something that is not an
 * `HttpResponse` is a 500 naming it.
 */
export function composeMiddleware(middlewares: readonly HttpMiddleware[], endpoint: Endpoint, logger: LoggerService): ComposedChain {
  let chain: ComposedChain = (req) => settle(() => endpoint(req), logger, 'the route');
  for (let i = middlewares.length - 1; i >= 0; i--) {
    const middleware = middlewares[i];
    const inner = chain;
    const name = middleware.name || `middleware #${i + 1}`;
    chain = (req) => {
      let called = false;
      const next = (): Promise<HttpResponse> => {
        if (called) return Promise.resolve(errorResponse(new Error(`${name} called next() twice`), logger));
        called = true;
        return inner(req);
      };
      return settle(() => middleware(req, next), logger, name);
    };
  }
  return chain;
}

function settle(step: () => HttpResponse | Promise<HttpResponse>, logger: LoggerService, name: string): Promise<HttpResponse> {
  let result: HttpResponse | Promise<HttpResponse>;
  try {
    result = step();
  } catch (error) {
    return Promise.resolve(errorResponse(error, logger));
  }
  if (result instanceof HttpResponse) return Promise.resolve(result);
  return Promise.resolve(result).then(
    (value) => (value instanceof HttpResponse ? value : errorResponse(new TypeError(`${name} resolved to ${describe(value)} instead of an HttpResponse`), logger)),
    (error) => errorResponse(error, logger),
  );
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? `a ${value.constructor?.name ?? 'object'}` : String(value);
}

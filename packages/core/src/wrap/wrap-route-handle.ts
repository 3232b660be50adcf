import type { LoggerService } from '../application/logger';
import type { RequestNeeds, RouteHandle } from '../router/route-handle';
import { CaptureExchange } from './capture-exchange';
import { composeMiddleware } from './compose';
import { HttpRequest, type RequestScope } from './http-request';
import { copyNeeds, needsOf, type HttpMiddleware } from './middleware';
import { writeHttpResponse } from './write-response';

/**
 * Puts Armature middleware around any compiled route handle (a decorator route, a micro route, a
 * 404/405 answer): the handle writes into a `CaptureExchange`, its answer travels back out
 * through the middleware as an `HttpResponse`, and the outermost result is written. Composed
 * once; a route without middleware is never wrapped.
 */
export function wrapRouteHandle(handle: RouteHandle, middlewares: readonly HttpMiddleware[], scope: RequestScope, logger: LoggerService): RouteHandle {
  if (middlewares.length === 0) return handle;
  const chain = composeMiddleware(
    middlewares,
    (req) => {
      const capture = new CaptureExchange(req.exchange, req);
      handle.run(req.raw, capture);
      return capture.response;
    },
    logger,
  );
  return {
    needs: mergeNeeds(handle.needs, middlewares),
    run(request, exchange) {
      const req = new HttpRequest(request, exchange, scope);
      chain(req).then((response) => writeHttpResponse(exchange, response));
    },
  };
}

/** The route's own needs plus what its middleware declared. */
export function mergeNeeds(needs: RequestNeeds, middlewares: readonly HttpMiddleware[]): RequestNeeds {
  let allHeaders = needs.allHeaders;
  let ip = needs.ip;
  let body = needs.body;
  const names = new Set(needs.headerNames);
  for (const middleware of middlewares) {
    const declared = needsOf(middleware);
    if (declared.headers === 'all') allHeaders = true;
    else for (const name of declared.headers ?? []) names.add(name.toLowerCase());
    ip ||= declared.ip === true;
    body ||= declared.body === true;
  }
  if (body) for (const name of ['content-type', 'content-length', 'transfer-encoding']) names.add(name);
  return Object.freeze({ allHeaders, headerNames: allHeaders ? [] : [...names], body, ip });
}

/** Armature middleware applied under a path prefix (`app.use('/api', mw)`), or everywhere. */
export interface PrefixedMiddleware {
  readonly prefix?: string;
  readonly middleware: HttpMiddleware;
}

const handleOfRequest = new WeakMap<HttpRequest, RouteHandle>();

/**
 * For answers the table makes per request (404, 405, preflight): one chain, composed once, whose
 * innermost step runs whichever handle the request came with. Prefixed middleware check the
 * request's path, since a miss has no route path to decide by at build time.
 */
export function wrapDynamicHandle(wraps: readonly PrefixedMiddleware[], scope: RequestScope, logger: LoggerService): (handle: RouteHandle) => RouteHandle {
  const middlewares = wraps.map(({ prefix, middleware }) => (prefix === undefined ? middleware : onlyUnder(prefix, middleware)));
  const chain = composeMiddleware(
    middlewares,
    (req) => {
      const capture = new CaptureExchange(req.exchange, req);
      (handleOfRequest.get(req) as RouteHandle).run(req.raw, capture);
      return capture.response;
    },
    logger,
  );
  return (handle) => ({
    needs: mergeNeeds(handle.needs, middlewares),
    run(request, exchange) {
      const req = new HttpRequest(request, exchange, scope);
      handleOfRequest.set(req, handle);
      chain(req).then((response) => writeHttpResponse(exchange, response));
    },
  });
}

function onlyUnder(prefix: string, middleware: HttpMiddleware): HttpMiddleware {
  const base = prefix.toLowerCase();
  const gated: HttpMiddleware = (req, next) => {
    const path = req.path.toLowerCase();
    return path === base || path.startsWith(`${base}/`) ? middleware(req, next) : next();
  };
  Object.defineProperty(gated, 'name', { value: middleware.name });
  return copyNeeds(middleware, gated);
}

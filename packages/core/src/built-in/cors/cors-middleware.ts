import type { HttpRequest } from '../../wrap/http-request';
import { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware, type HttpNext } from '../../wrap/middleware';
import { addVary } from '../shared/vary';
import type { CompiledCors } from './cors-config';
import { corsHeaders, type AllowedOrigin } from './cors-rules';

/** The only headers CORS reads: all the adapter has to copy for it. */
const CORS_NEEDS = { headers: ['origin', 'access-control-request-method', 'access-control-request-headers'] };

/**
 * The CORS middleware. A preflight (`OPTIONS` with an Origin and `Access-Control-Request-Method`)
 * is answered here, before routing decides anything, so it works on paths without an OPTIONS
 * route (they arrive as 404/405 misses). Any other request runs as usual and its answer (error
 * answers included, so that scripts can read them) gets the CORS headers of its origin; a refused
 * origin gets none: the browser then withholds the answer from the page.
 */
export function corsMiddleware(compiled: CompiledCors): HttpMiddleware {
  const { rules, matchOrigin, anyOrigin, preflightStatus } = compiled;
  const withoutOrigin: AllowedOrigin = anyOrigin ? '*' : undefined;

  const decorate = (response: HttpResponse, allowed: AllowedOrigin, origin: string | undefined): HttpResponse =>
    applyHeaders(response, corsHeaders(rules, allowed, { origin }, false, response.headers));

  const preflight = (req: HttpRequest, origin: string, requestMethod: string, allowed: AllowedOrigin): HttpResponse => {
    const request = { origin, requestMethod, requestHeaders: req.header('access-control-request-headers') };
    return applyHeaders(new HttpResponse(preflightStatus), corsHeaders(rules, allowed, request, true));
  };

  const cors = (req: HttpRequest, next: HttpNext): HttpResponse | Promise<HttpResponse> => {
    const origin = req.header('origin');
    if (origin === undefined) return next().then((response) => decorate(response, withoutOrigin, undefined));
    const decided = matchOrigin(origin, req);
    const requestMethod = req.method === 'OPTIONS' ? req.header('access-control-request-method') : undefined;
    if (requestMethod !== undefined) {
      return decided instanceof Promise ? decided.then((allowed) => preflight(req, origin, requestMethod, allowed)) : preflight(req, origin, requestMethod, decided);
    }
    // The route starts at once (an async origin check runs beside it, not before it).
    const answered = next();
    if (!(decided instanceof Promise)) return answered.then((response) => decorate(response, decided, origin));
    return Promise.all([answered, decided]).then(([response, allowed]) => decorate(response, allowed, origin));
  };
  return defineMiddleware(cors, CORS_NEEDS);
}

/** Sets the CORS headers on a response (replacing any earlier ones) and merges `Vary`. */
function applyHeaders(response: HttpResponse, headers: readonly string[]): HttpResponse {
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i];
    if (name === 'vary') addVary(response, ...headers[i + 1].split(', '));
    else response.header(name, headers[i + 1]);
  }
  return response;
}

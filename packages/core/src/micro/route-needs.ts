import type { RequestNeeds } from '../router/route-handle';
import type { CompiledRouteSchemas } from '../schema/compile-route-schemas';
import type { DeclaredReads } from '../wrap/declared-reads';
import type { HttpMiddleware } from '../wrap/middleware';
import { mergeNeeds } from '../wrap/wrap-route-handle';
import type { RouteOptions } from './route-types';

/** Methods whose requests carry a body often enough that their routes collect it by default. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ALL']);

/**
 * What the adapter copies off its native request for one micro route, decided once, as a
 * decorator route decides it from its parameters (docs/micro.md has the measurements):
 * - headers: the ones the route declares (`reads: { headers: [...] }` or `'all'`), its headers
 *   schema names, and its middleware declare. Copying every header by default cost 11-14% more
 *   instructions per request on small GET routes on uWS (each copied header is a keyed store with
 *   a string fresh from C++), so nothing is copied unless asked for.
 * - body: collected for POST, PUT, PATCH, DELETE, `any()` and body-schema routes (so that
 *   `req.json()` works after awaits: uWS drops body data nobody listens for), and for others with
 *   `reads: { body: true }`; its framing headers come with it.
 * - ip: with `reads: { ip: true }`.
 * Reading anything undeclared throws (`UndeclaredReadError`), on every adapter.
 */
export function microRouteNeeds(
  method: string,
  options: RouteOptions,
  schemas: CompiledRouteSchemas | undefined,
  middlewares: readonly HttpMiddleware[],
): RequestNeeds {
  const reads = options.reads ?? {};
  const declared = reads.headers ?? [];
  const schemaHeaders = schemas?.headerNames ?? [];
  const allHeaders = declared === 'all' || schemaHeaders === 'all';
  const headerNames = allHeaders ? [] : [...new Set([...declared, ...schemaHeaders].map((name) => name.toLowerCase()))];
  const body = (reads.body ?? BODY_METHODS.has(method)) || schemas?.validateBody !== undefined;
  return mergeNeeds({ allHeaders, headerNames, body, ip: reads.ip === true }, middlewares);
}

/** The reads a request of this route allows, from its final needs (middleware included). */
export function declaredReadsOf(route: string, needs: RequestNeeds): DeclaredReads {
  return Object.freeze({ route, headers: needs.allHeaders ? 'all' : new Set(needs.headerNames), body: needs.body, ip: needs.ip });
}

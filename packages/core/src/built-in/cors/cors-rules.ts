/**
 * The CORS decision both `app.enableCors()` and the `Cors` middleware use: once the origin has
 * been judged, which `Access-Control-*` headers an answer carries. Each front end judges origins
 * its own way (the `cors` package's options, or the middleware's matchers) and compiles the rest
 * of its options into these rules once, at startup.
 */

/** The `Access-Control-Allow-Origin` value decided for a request, or undefined when it is refused. */
export type AllowedOrigin = string | undefined;

export interface CorsRules {
  readonly credentials: boolean;
  /** `Access-Control-Allow-Methods`, or ECHO to answer with the preflight's requested method. */
  readonly methods: string | typeof ECHO;
  /** `Access-Control-Allow-Headers`, or ECHO to answer with the preflight's requested headers. */
  readonly allowedHeaders: string | typeof ECHO;
  /** `Access-Control-Expose-Headers`: a list, undefined for none, or ANY_HEADER for every header the response has. */
  readonly exposedHeaders: string | typeof ANY_HEADER | undefined;
  readonly maxAge: number | undefined;
}

/** What the request asked for, read off its headers. */
export interface CorsRequest {
  readonly origin: string | undefined;
  /** `Access-Control-Request-Method` (preflights). */
  readonly requestMethod?: string;
  /** `Access-Control-Request-Headers` (preflights). */
  readonly requestHeaders?: string;
}

export const ECHO = Symbol('echo the request');
/** Expose every header: `*`, or the response's header names when credentials are on (where `*` means a header named `*`). */
export const ANY_HEADER = Symbol('any header');

/** Headers a browser shows scripts without being told (the CORS-safelisted response headers). */
const SAFELISTED_RESPONSE_HEADERS = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);

/**
 * The CORS headers of an answer, as a flat [name, value, ...] list, given the allowed origin.
 * Rules the browser enforces and this keeps: `*` is never sent together with credentials (the
 * request's origin is reflected instead), and every answer whose headers depend on the Origin
 * says `Vary: Origin`, refused ones included, so that a cache never hands one origin's answer
 * to another. `vary` is returned as one entry, for the caller to merge.
 */
export function corsHeaders(rules: CorsRules, allowed: AllowedOrigin, request: CorsRequest, preflight: boolean, responseHeaders?: readonly string[]): string[] {
  const headers: string[] = [];
  const vary: string[] = [];
  let origin = allowed;
  if (origin === '*' && rules.credentials) origin = request.origin;
  if (origin === undefined) {
    headers.push('vary', 'Origin');
    return headers;
  }
  headers.push('access-control-allow-origin', origin);
  if (origin !== '*') vary.push('Origin');
  if (rules.credentials) headers.push('access-control-allow-credentials', 'true');
  if (preflight) {
    const methods = rules.methods === ECHO ? request.requestMethod : rules.methods;
    if (rules.methods === ECHO) vary.push('Access-Control-Request-Method');
    if (methods) headers.push('access-control-allow-methods', methods);
    const allowHeaders = rules.allowedHeaders === ECHO ? request.requestHeaders : rules.allowedHeaders;
    if (rules.allowedHeaders === ECHO) vary.push('Access-Control-Request-Headers');
    if (allowHeaders) headers.push('access-control-allow-headers', allowHeaders);
    if (rules.maxAge !== undefined) headers.push('access-control-max-age', String(rules.maxAge));
  } else {
    const exposed = exposedHeaders(rules, responseHeaders);
    if (exposed) headers.push('access-control-expose-headers', exposed);
  }
  if (vary.length > 0) headers.push('vary', vary.join(', '));
  return headers;
}

/**
 * `*` in Expose-Headers means "every header" only for requests without credentials; with them the
 * response's own header names are listed instead.
 */
function exposedHeaders(rules: CorsRules, responseHeaders: readonly string[] | undefined): string | undefined {
  if (rules.exposedHeaders !== ANY_HEADER) return rules.exposedHeaders;
  if (!rules.credentials) return '*';
  if (responseHeaders === undefined) return undefined;
  const names = new Set<string>();
  for (let i = 0; i < responseHeaders.length; i += 2) {
    const name = responseHeaders[i];
    if (!SAFELISTED_RESPONSE_HEADERS.has(name) && !name.startsWith('access-control-') && name !== 'vary') names.add(name);
  }
  return names.size === 0 ? undefined : [...names].join(', ');
}

import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { ForwardingExchange } from '../adapters/forwarding-exchange';
import type { ArmatureRequest } from '../http/request';
import type { RouteHandle } from '../router/route-handle';
import { DEFAULT_METHODS } from '../built-in/cors/cors-config';
import { corsHeaders, ECHO, type AllowedOrigin, type CorsRequest, type CorsRules } from '../built-in/cors/cors-rules';

type StaticOrigin = boolean | string | RegExp | Array<string | RegExp>;
type OriginCallback = (error: Error | null, origin?: StaticOrigin) => void;

/** The options of the `cors` package (and so of NestJS's `enableCors`). */
export interface CorsOptions {
  /** `'*'` by default; `true` reflects the request's Origin; a list/RegExp allows matching origins; a function decides. */
  origin?: StaticOrigin | ((requestOrigin: string | undefined, callback: OriginCallback) => void);
  methods?: string | string[];
  /** Defaults to echoing the preflight's Access-Control-Request-Headers. */
  allowedHeaders?: string | string[];
  exposedHeaders?: string | string[];
  credentials?: boolean;
  maxAge?: number;
  /** Status of a successful preflight (default 204). */
  optionsSuccessStatus?: number;
}

const CORS_REQUEST_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];
const join = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/**
 * `app.enableCors()`: the `cors` package's options compiled into the CORS rules the `Cors`
 * middleware also uses (built-in/cors/cors-rules.ts), applied by wrapping each route's exchange
 * and by a preflight route on every path. One difference from the `cors` package: `*` is never
 * sent with credentials (browsers refuse that pair); the request's origin is reflected instead.
 */
export class CorsPolicy {
  private readonly rules: CorsRules;
  private readonly decideOrigin: OriginDecider;

  constructor(private readonly options: CorsOptions = {}) {
    this.decideOrigin = originDecider(options.origin);
    this.rules = {
      credentials: options.credentials === true,
      methods: join(options.methods) ?? DEFAULT_METHODS,
      allowedHeaders: join(options.allowedHeaders) ?? ECHO,
      exposedHeaders: join(options.exposedHeaders) || undefined,
      maxAge: options.maxAge,
    };
  }

  /**
   * Wraps a route so every answer carries the CORS headers. The route runs at once (it may have to
   * start reading the body before any await); only an origin function's answer is awaited, by the
   * exchange, before writing.
   */
  wrap(handle: RouteHandle): RouteHandle {
    const needs = { ...handle.needs, headerNames: handle.needs.allHeaders ? [] : [...new Set([...handle.needs.headerNames, 'origin'])] };
    return {
      needs,
      run: (request, exchange) => handle.run(request, new HeaderAddingExchange(exchange, this.headersFor(request, false))),
    };
  }

  /** The route that answers preflight `OPTIONS` requests. */
  preflightHandle(): RouteHandle {
    const status = this.options.optionsSuccessStatus ?? 204;
    return {
      needs: { allHeaders: false, headerNames: CORS_REQUEST_HEADERS, body: false, ip: false },
      run: (request, exchange) => {
        const headers = this.headersFor(request, true);
        new HeaderAddingExchange(exchange, headers).send(status, ['content-length', '0'], null);
      },
    };
  }

  private headersFor(request: ArmatureRequest, preflight: boolean): OutgoingHeaders | Promise<OutgoingHeaders> {
    const corsRequest: CorsRequest = {
      origin: request.headers.origin as string | undefined,
      requestMethod: request.headers['access-control-request-method'] as string | undefined,
      requestHeaders: request.headers['access-control-request-headers'] as string | undefined,
    };
    const allowed = this.decideOrigin(corsRequest.origin);
    if (!(allowed instanceof Promise)) return corsHeaders(this.rules, allowed, corsRequest, preflight);
    return allowed.then((decided) => corsHeaders(this.rules, decided, corsRequest, preflight));
  }
}

/** The allowed origin for a request's Origin header (undefined when the request has none). */
type OriginDecider = (requestOrigin: string | undefined) => AllowedOrigin | Promise<AllowedOrigin>;

/** The `origin` option, as the `cors` package reads it, compiled into a decision per request. */
function originDecider(option: CorsOptions['origin']): OriginDecider {
  if (typeof option !== 'function') return (requestOrigin) => allowedOrigin(option ?? '*', requestOrigin);
  return (requestOrigin) =>
    new Promise<StaticOrigin | undefined>((resolve, reject) => option(requestOrigin, (error, value) => (error ? reject(error) : resolve(value)))).then((decided) =>
      allowedOrigin(decided, requestOrigin),
    );
}

/** The Access-Control-Allow-Origin value for a decided origin option, or undefined when refused. */
function allowedOrigin(decided: StaticOrigin | undefined, requestOrigin: string | undefined): string | undefined {
  if (decided === '*' || decided === undefined) return '*';
  if (decided === false) return undefined;
  if (decided === true) return requestOrigin ?? '*';
  if (typeof decided === 'string') return decided;
  if (requestOrigin === undefined) return undefined;
  const allowed = ([] as Array<string | RegExp>).concat(decided).some((o) => (typeof o === 'string' ? o === requestOrigin : o.test(requestOrigin)));
  return allowed ? requestOrigin : undefined;
}

/** An exchange that appends CORS headers (possibly still being decided) to whatever the route answers. */
class HeaderAddingExchange extends ForwardingExchange {
  constructor(
    inner: HttpExchange,
    private readonly extra: OutgoingHeaders | Promise<OutgoingHeaders>,
  ) {
    super(inner);
  }
  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection?: boolean): void {
    this.withExtra((extra) => this.inner.send(status, headers.concat(extra), body, closeConnection));
  }
  stream(status: number, headers: OutgoingHeaders, source: Readable): void {
    this.withExtra((extra) => this.inner.stream(status, headers.concat(extra), source));
  }
  private withExtra(write: (extra: OutgoingHeaders) => void): void {
    if (Array.isArray(this.extra)) return write(this.extra);
    // An origin function that fails refuses CORS for this request rather than failing the request.
    const writeUnlessAborted = (extra: OutgoingHeaders) => {
      if (!this.inner.aborted) write(extra);
    };
    (this.extra as Promise<OutgoingHeaders>).then(writeUnlessAborted, () => writeUnlessAborted(['vary', 'Origin']));
  }
}

import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { ForwardingExchange } from '../adapters/forwarding-exchange';
import type { ArmatureRequest } from '../http/request';
import type { RouteHandle } from '../router/route-handle';

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

/** Decides the CORS headers of a request, once per request, from options fixed at startup. */
export class CorsPolicy {
  private readonly methods: string;
  private readonly exposed?: string;
  private readonly allowedHeaders?: string;

  constructor(private readonly options: CorsOptions = {}) {
    this.methods = join(options.methods) ?? 'GET,HEAD,PUT,PATCH,POST,DELETE';
    this.exposed = join(options.exposedHeaders);
    this.allowedHeaders = join(options.allowedHeaders);
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
    const requestOrigin = request.headers.origin as string | undefined;
    const option = this.options.origin;
    if (typeof option !== 'function') return this.headersForOrigin(allowedOrigin(option ?? '*', requestOrigin), request, preflight);
    return new Promise<StaticOrigin | undefined>((resolve, reject) =>
      option(requestOrigin, (error, value) => (error ? reject(error) : resolve(value))),
    ).then((decided) => this.headersForOrigin(allowedOrigin(decided, requestOrigin), request, preflight));
  }

  private headersForOrigin(origin: string | undefined, request: ArmatureRequest, preflight: boolean): OutgoingHeaders {
    const headers: string[] = [];
    if (origin === '*') headers.push('access-control-allow-origin', '*');
    else if (origin !== undefined) headers.push('access-control-allow-origin', origin, 'vary', 'Origin');
    else headers.push('vary', 'Origin');
    if (origin === undefined) return headers;
    if (this.options.credentials) headers.push('access-control-allow-credentials', 'true');
    if (preflight) {
      headers.push('access-control-allow-methods', this.methods);
      const allowHeaders = this.allowedHeaders ?? (request.headers['access-control-request-headers'] as string | undefined);
      if (allowHeaders) headers.push('access-control-allow-headers', allowHeaders);
      if (this.options.maxAge !== undefined) headers.push('access-control-max-age', String(this.options.maxAge));
    } else if (this.exposed) {
      headers.push('access-control-expose-headers', this.exposed);
    }
    return headers;
  }
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

import { parse as parseQueryString } from 'fast-querystring';
import type { ArmatureResponse } from './response';

export type IncomingHeaders = Record<string, string | string[] | undefined>;

/**
 * The request object handlers see through `@Req()` and middleware get as `req`, shared by every
 * adapter. Its surface follows Express's (method, url, originalUrl, path, headers, query, params,
 * body, ip, hostname, protocol, secure, get(), cookies...) so that NestJS code and Express
 * middleware that read `req.*` keep working. Adapters fill it before any `await`.
 */
export class ArmatureRequest {
  /** Parsed body, set by the pipeline once read (undefined when the route does not read it). */
  body: unknown = undefined;
  /** The raw body bytes, when the body was read. */
  rawBody: Buffer | undefined = undefined;
  /** Remote address, when the route asked for it (`@Ip()`, `@Req()`). */
  ip: string | undefined = undefined;
  /** The adapter's native request where one outlives the callback (node's IncomingMessage); undefined on uWS. */
  raw: unknown = undefined;
  /** Multipart routes: the body as a stream, opened by the pipeline before the first await. */
  declare bodyStream?: import('node:stream').Readable;
  /** Set by file interceptors (`@UploadedFile()` / `@UploadedFiles()`). */
  declare file?: unknown;
  declare files?: unknown;

  /** Parsed cookies: undefined until a cookie middleware (cookie-parser) fills them, as in Express. */
  declare cookies?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  declare signedCookies?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The signing secret cookie-parser stores here; `res.cookie(..., { signed: true })` signs with it. */
  declare secret?: string;
  /** Express's `req.res`: the response of this request, linked when middleware runs. */
  declare res?: ArmatureResponse;

  private parsedQuery: Record<string, unknown> | undefined = undefined;
  /** Set when a middleware rewrites `req.url` (Express allows it); routing already happened. */
  private declare rewrittenUrl?: string;

  constructor(
    /** Upper-case method, e.g. `GET`. */
    readonly method: string,
    /** Path without the query string, as received (not decoded). */
    readonly path: string,
    /** Query string without the leading `?` ('' when absent). */
    readonly rawQuery: string,
    readonly headers: IncomingHeaders,
    public params: Record<string, string>,
  ) {}

  /** Path plus query string, as Express's `req.url`. */
  get url(): string {
    return this.rewrittenUrl ?? this.originalUrl;
  }

  /** Middleware may rewrite `req.url` as in Express; `path`, `query` and routing keep the original. */
  set url(value: string) {
    this.rewrittenUrl = value;
  }

  /** The URL as received, whatever middleware did to `req.url`. */
  get originalUrl(): string {
    return this.rawQuery === '' ? this.path : `${this.path}?${this.rawQuery}`;
  }

  /** Express's mount path: '' (middleware is never mounted under a stripped path here). */
  get baseUrl(): string {
    return '';
  }

  /** Query parameters; repeated keys become arrays. Parsed on first access only. */
  get query(): Record<string, unknown> {
    if (this.parsedQuery === undefined) {
      this.parsedQuery = this.rawQuery === '' ? {} : (parseQueryString(this.rawQuery) as Record<string, unknown>);
    }
    return this.parsedQuery;
  }

  set query(value: Record<string, unknown>) {
    this.parsedQuery = value;
  }

  /** Host header without the port. */
  get hostname(): string | undefined {
    const host = this.headers.host;
    if (typeof host !== 'string') return undefined;
    if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
    const colon = host.indexOf(':');
    return colon === -1 ? host : host.slice(0, colon);
  }

  /** Express 5's `req.host`: the Host header, port included. */
  get host(): string | undefined {
    const host = this.headers.host;
    return typeof host === 'string' ? host : undefined;
  }

  get protocol(): 'http' | 'https' {
    return 'http';
  }

  get secure(): boolean {
    return this.protocol === 'https';
  }

  /** Express's `req.ips`: empty, as in Express without `trust proxy` (X-Forwarded-For is not trusted). */
  get ips(): string[] {
    return [];
  }

  /** True for `X-Requested-With: XMLHttpRequest`. */
  get xhr(): boolean {
    const requestedWith = this.headers['x-requested-with'];
    return typeof requestedWith === 'string' && requestedWith.toLowerCase() === 'xmlhttprequest';
  }

  /** Header lookup, case-insensitive (Express's `req.get`; `referer` and `referrer` are one header). */
  get(name: string): string | string[] | undefined {
    const key = name.toLowerCase();
    if (key === 'referer' || key === 'referrer') return this.headers.referer ?? this.headers.referrer;
    return this.headers[key];
  }

  header(name: string): string | string[] | undefined {
    return this.get(name);
  }
}

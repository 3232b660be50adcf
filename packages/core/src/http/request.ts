import { parse as parseQueryString } from 'fast-querystring';

export type IncomingHeaders = Record<string, string | string[] | undefined>;

/**
 * The request object handlers see through `@Req()`, shared by every adapter. Its surface follows
 * Express's (method, url, path, headers, query, params, body, ip, hostname, get()) so that NestJS
 * code that reads `req.*` keeps working. Adapters fill it before any `await`.
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
  bodyStream: import('node:stream').Readable | undefined = undefined;
  /** Set by file interceptors (`@UploadedFile()` / `@UploadedFiles()`). */
  file: unknown = undefined;
  files: unknown = undefined;

  private parsedQuery: Record<string, unknown> | undefined = undefined;

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
    return this.rawQuery === '' ? this.path : `${this.path}?${this.rawQuery}`;
  }

  get originalUrl(): string {
    return this.url;
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

  get protocol(): 'http' | 'https' {
    return 'http';
  }

  /** Header lookup, case-insensitive (Express's `req.get`). */
  get(name: string): string | string[] | undefined {
    return this.headers[name.toLowerCase()];
  }

  header(name: string): string | string[] | undefined {
    return this.get(name);
  }
}

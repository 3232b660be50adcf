import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { statusText } from './error-json';

type HeaderValue = string | number | readonly string[];

/**
 * The response object handlers get through `@Res()`. Its surface follows Express's (status, set,
 * header, json, send, redirect, end...) so NestJS handlers that answer by hand keep working, on
 * every adapter. Nothing is written until `send`/`json`/`end`/`redirect`/`stream`.
 */
export class ArmatureResponse {
  statusCode = 200;
  /** True once the response went out (or the client went away). */
  headersSent = false;
  /** Per-request scratch space, as Express's `res.locals`. */
  readonly locals: Record<string, unknown> = {};
  /** True once `status()` was called: a passthrough route then keeps the handler's status. */
  statusWasSet = false;
  private readonly headers = new Map<string, string | string[]>();

  constructor(
    private readonly exchange: HttpExchange,
    private readonly method: string,
  ) {}

  status(code: number): this {
    this.statusCode = code;
    this.statusWasSet = true;
    return this;
  }

  setHeader(name: string, value: HeaderValue): this {
    this.headers.set(name.toLowerCase(), Array.isArray(value) ? value.map(String) : String(value));
    return this;
  }

  header(name: string | Record<string, HeaderValue>, value?: HeaderValue): this {
    if (typeof name === 'object') {
      for (const [key, val] of Object.entries(name)) this.setHeader(key, val);
      return this;
    }
    return this.setHeader(name, value ?? '');
  }

  set(name: string | Record<string, HeaderValue>, value?: HeaderValue): this {
    return this.header(name, value);
  }

  /** Adds a value to a header (e.g. a second Set-Cookie). */
  append(name: string, value: HeaderValue): this {
    const key = name.toLowerCase();
    const existing = this.headers.get(key);
    const added = Array.isArray(value) ? value.map(String) : [String(value)];
    this.headers.set(key, existing === undefined ? added : ([] as string[]).concat(existing, added));
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(name.toLowerCase());
  }

  get(name: string): string | string[] | undefined {
    return this.getHeader(name);
  }

  hasHeader(name: string): boolean {
    return this.headers.has(name.toLowerCase());
  }

  removeHeader(name: string): this {
    this.headers.delete(name.toLowerCase());
    return this;
  }

  getHeaders(): Record<string, string | string[]> {
    return Object.fromEntries(this.headers);
  }

  type(contentType: string): this {
    return this.setHeader('content-type', contentType.includes('/') ? contentType : mimeForExtension(contentType));
  }

  contentType(contentType: string): this {
    return this.type(contentType);
  }

  location(url: string): this {
    return this.setHeader('location', url);
  }

  json(body: unknown): this {
    if (!this.headers.has('content-type')) this.setHeader('content-type', 'application/json; charset=utf-8');
    return this.end(body === undefined ? '' : JSON.stringify(body));
  }

  /** Express's `send`: strings as HTML, Buffers as octet-stream, anything else as JSON. */
  send(body?: unknown): this {
    if (body === undefined || body === null) return this.end();
    if (typeof body === 'string') {
      if (!this.headers.has('content-type')) this.setHeader('content-type', 'text/html; charset=utf-8');
      return this.end(body);
    }
    if (Buffer.isBuffer(body)) {
      if (!this.headers.has('content-type')) this.setHeader('content-type', 'application/octet-stream');
      return this.end(body);
    }
    return this.json(body);
  }

  sendStatus(code: number): this {
    this.status(code);
    if (!this.headers.has('content-type')) this.setHeader('content-type', 'text/plain; charset=utf-8');
    return this.end(statusText(code));
  }

  redirect(statusOrUrl: number | string, url?: string): this {
    const [status, target] = typeof statusOrUrl === 'number' ? [statusOrUrl, url ?? '/'] : [302, statusOrUrl];
    this.status(status).location(target);
    return this.end();
  }

  end(body?: string | Buffer): this {
    if (this.headersSent || this.exchange.aborted) return this;
    this.headersSent = true;
    this.exchange.send(this.statusCode, this.flatHeaders(), body === undefined || body === '' ? null : body);
    return this;
  }

  /** Streams a readable as the body (chunked), with the status and headers set so far. */
  stream(source: Readable): this {
    if (this.headersSent || this.exchange.aborted) {
      source.destroy();
      return this;
    }
    this.headersSent = true;
    this.exchange.stream(this.statusCode, this.flatHeaders(), source);
    return this;
  }

  /** Headers set so far, flattened, with `extra` (route defaults) for names not set by hand. */
  flatHeaders(extra?: OutgoingHeaders): OutgoingHeaders {
    const flat: string[] = [];
    if (extra !== undefined) {
      for (let i = 0; i < extra.length; i += 2) if (!this.headers.has(extra[i])) flat.push(extra[i], extra[i + 1]);
    }
    for (const [name, value] of this.headers) {
      if (Array.isArray(value)) for (const v of value) flat.push(name, v);
      else flat.push(name, value as string);
    }
    return flat;
  }

  /** The request method, for code that needs to special-case HEAD. */
  get requestMethod(): string {
    return this.method;
  }
}

const COMMON_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  bin: 'application/octet-stream',
};

function mimeForExtension(extension: string): string {
  return COMMON_TYPES[extension.replace(/^\./, '').toLowerCase()] ?? 'application/octet-stream';
}

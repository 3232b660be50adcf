import type { Readable } from 'node:stream';
import type { OutgoingHeaders } from '../adapters/http-exchange';

/** What a response carries: text or bytes sent at once, a readable streamed out, or nothing. */
export type ResponseBody = string | Buffer | Readable | null;

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const BINARY_TYPE = 'application/octet-stream';

/**
 * A response as a value: what micro-API handlers return and what middleware receive from
 * `next()` and may change (status, headers, body) before it is written. Headers are kept as the
 * flat `[name, value, ...]` list adapters write, names in lower case.
 */
export class HttpResponse {
  /** The exception this response answers, when it is an error response (for logging middleware). */
  error: unknown = undefined;
  /** Close the connection after this response (e.g. a 413 whose body is still on the wire). */
  closeConnection = false;

  constructor(
    public status: number,
    public headers: OutgoingHeaders = [],
    public body: ResponseBody = null,
  ) {}

  /** 200, with a JSON body for objects, text for strings, bytes for Buffers, or no body. */
  static ok(body?: unknown): HttpResponse {
    return HttpResponse.of(200, body);
  }

  static created(body?: unknown): HttpResponse {
    return HttpResponse.of(201, body);
  }

  static noContent(): HttpResponse {
    return new HttpResponse(204);
  }

  /** A response with `status` and no body (`HttpResponse.status(202)`). */
  static status(status: number, body?: unknown): HttpResponse {
    return HttpResponse.of(status, body);
  }

  static json(value: unknown, status = 200): HttpResponse {
    return new HttpResponse(status, ['content-type', JSON_TYPE], JSON.stringify(value) ?? 'null');
  }

  static text(text: string, status = 200): HttpResponse {
    return new HttpResponse(status, ['content-type', TEXT_TYPE], text);
  }

  static html(html: string, status = 200): HttpResponse {
    return new HttpResponse(status, ['content-type', HTML_TYPE], html);
  }

  static redirect(url: string, status = 302): HttpResponse {
    return new HttpResponse(status, ['location', url]);
  }

  /** Streams `source` out (chunked), pausing it while the client is slow. */
  static stream(source: Readable, options: { status?: number; contentType?: string } = {}): HttpResponse {
    return new HttpResponse(options.status ?? 200, ['content-type', options.contentType ?? BINARY_TYPE], source);
  }

  /** Objects/arrays → JSON, strings → text, Buffers → bytes, undefined/null → no body. */
  private static of(status: number, body: unknown): HttpResponse {
    if (body === undefined || body === null) return new HttpResponse(status);
    if (typeof body === 'string') return HttpResponse.text(body, status);
    if (Buffer.isBuffer(body)) return new HttpResponse(status, ['content-type', BINARY_TYPE], body);
    if (isReadable(body)) return HttpResponse.stream(body, { status });
    return HttpResponse.json(body, status);
  }

  /** The first value of a header, or undefined. */
  getHeader(name: string): string | undefined {
    const key = name.toLowerCase();
    const headers = this.headers;
    for (let i = 0; i < headers.length; i += 2) if (headers[i] === key) return headers[i + 1];
    return undefined;
  }

  hasHeader(name: string): boolean {
    return this.getHeader(name) !== undefined;
  }

  /** Sets a header, replacing every earlier value of it. */
  header(name: string, value: string | number): this {
    this.removeHeader(name);
    this.headers.push(name.toLowerCase(), String(value));
    return this;
  }

  /** Adds a value without replacing earlier ones (e.g. a second `Set-Cookie`). */
  appendHeader(name: string, value: string | number): this {
    this.headers.push(name.toLowerCase(), String(value));
    return this;
  }

  removeHeader(name: string): this {
    const key = name.toLowerCase();
    const headers = this.headers;
    for (let i = headers.length - 2; i >= 0; i -= 2) if (headers[i] === key) headers.splice(i, 2);
    return this;
  }

  /** Sets the status (chainable). */
  withStatus(status: number): this {
    this.status = status;
    return this;
  }

  /** True for a body that is streamed rather than sent at once. */
  get isStream(): boolean {
    return this.body !== null && typeof this.body === 'object' && !Buffer.isBuffer(this.body);
  }
}

export function isReadable(value: unknown): value is Readable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Readable).pipe === 'function' &&
    typeof (value as Readable).on === 'function'
  );
}

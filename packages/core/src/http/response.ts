import { EventEmitter } from 'node:events';
import { finished, type Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { statusText } from './error-json';
import type { ArmatureRequest } from './request';
import { serializeCookie, type CookieOptions } from './set-cookie';

type HeaderValue = string | number | readonly string[];
/** Headers as node's `writeHead` takes them: an object, a flat [name, value, ...] list, or [name, value] pairs. */
type HeaderInput = Record<string, HeaderValue> | ReadonlyArray<string> | ReadonlyArray<readonly [string, HeaderValue]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;
type WriteCallback = (error?: Error | null) => void;

/**
 * The response object handlers get through `@Res()` and middleware get as `res`. Its surface follows
 * Express's (status, set, header, json, send, redirect, end, cookie...) and the parts of node's
 * `ServerResponse` that npm middleware use (setHeader/getHeader..., writeHead, write, end,
 * `finish`/`close` events), so NestJS handlers and Express middleware keep working on every adapter.
 * Nothing is written until `send`/`json`/`end`/`redirect`/`stream`: `write()` and `writeHead()`
 * only stage what `end()` sends.
 */
export class ArmatureResponse {
  statusCode = 200;
  /** True once the response went out (or the client went away). */
  headersSent = false;
  /** Per-request scratch space, as Express's `res.locals`. */
  readonly locals: Record<string, unknown> = {};
  /** True once `status()` was called: a passthrough route then keeps the handler's status. */
  statusWasSet = false;
  /** Express's `res.req`: the request this response answers (linked when middleware runs). */
  req: ArmatureRequest | undefined = undefined;
  private readonly headers = new Map<string, string | string[]>();
  /** Listeners of `finish`/`close`; created on the first subscription, so responses nobody watches pay nothing. */
  private events: EventEmitter | undefined = undefined;
  /** Chunks given to `write()`: sent as one body by `end()`. */
  private chunks: Buffer[] | undefined = undefined;
  /** Set once the response went out (or was given up because the client left). */
  private wentOut = false;
  /** Set once the body was handed to the server (a stream: once it ended). */
  private handedOver = false;
  private sentWatchers: Array<() => void> | undefined = undefined;

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

  /** Lower-case names of the headers set so far (node's `getHeaderNames`). */
  getHeaderNames(): string[] {
    return [...this.headers.keys()];
  }

  /**
   * Node's `writeHead`: sets the status and merges `headers` over those set so far. Nothing is
   * written yet: the head goes out with `end()` (or with the pipeline's answer). The reason phrase
   * is not sent (both adapters use the standard one).
   */
  writeHead(statusCode: number, reasonOrHeaders?: string | HeaderInput, headers?: HeaderInput): this {
    this.status(statusCode);
    const given = typeof reasonOrHeaders === 'string' ? headers : reasonOrHeaders;
    if (given === undefined) return this;
    if (!Array.isArray(given)) return this.header(given as Record<string, HeaderValue>);
    if (given.length > 0 && Array.isArray(given[0])) {
      for (const [name, value] of given as ReadonlyArray<readonly [string, HeaderValue]>) this.setHeader(name, value);
    } else {
      const flat = given as ReadonlyArray<string>;
      for (let i = 0; i + 1 < flat.length; i += 2) this.setHeader(flat[i], flat[i + 1]);
    }
    return this;
  }

  /**
   * Node's `write`: the chunk is kept and sent, with the others, as one body by `end()` (the body
   * is not streamed). Returns false once the response went out.
   */
  write(chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (this.headersSent || this.wentOut) {
      if (done !== undefined) process.nextTick(done, new Error('write after end'));
      return false;
    }
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : 'utf8';
    (this.chunks ??= []).push(toBuffer(chunk, encoding));
    if (done !== undefined) process.nextTick(done);
    return true;
  }

  /** Express's `res.vary`: adds a field to `Vary` unless it is already listed. */
  vary(field: string): this {
    const current = this.getHeader('vary');
    const listed = (Array.isArray(current) ? current.join(',') : (current ?? '')).split(',').map((f) => f.trim()).filter((f) => f !== '');
    if (listed.includes('*')) return this;
    for (const name of field.split(',').map((f) => f.trim()).filter((f) => f !== '')) {
      if (name === '*') return this.setHeader('vary', '*');
      if (!listed.some((f) => f.toLowerCase() === name.toLowerCase())) listed.push(name);
    }
    return listed.length === 0 ? this : this.setHeader('vary', listed.join(', '));
  }

  /** Express's `res.cookie`: appends a `Set-Cookie` (signed with cookie-parser's secret when `signed`). */
  cookie(name: string, value: unknown, options: CookieOptions = {}): this {
    return this.append('set-cookie', serializeCookie(name, value, options, this.req?.secret));
  }

  /** Express 5's `res.clearCookie`: the same cookie, empty and expired (`maxAge`/`expires` are ignored). */
  clearCookie(name: string, options: CookieOptions = {}): this {
    const { maxAge: _maxAge, expires: _expires, ...rest } = options;
    return this.cookie(name, '', { path: '/', ...rest, expires: new Date(1) });
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

  /**
   * Sends the response: the status and headers set so far, and the body (with whatever `write()`
   * staged before it). Node's forms work: `end()`, `end(chunk)`, `end(chunk, encoding)`, `end(callback)`,
   * `end(chunk, callback)`; the callback runs on `finish`.
   */
  end(chunk?: string | Uint8Array | (() => void), encodingOrCallback?: BufferEncoding | (() => void), callback?: () => void): this {
    const done = typeof chunk === 'function' ? chunk : typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    const last = typeof chunk === 'function' ? undefined : chunk;
    if (this.headersSent || this.wentOut) return this;
    if (this.exchange.aborted) {
      this.giveUp();
      return this;
    }
    this.headersSent = true;
    if (done !== undefined) this.once('finish', done);
    const body = this.bodyWith(last, typeof encodingOrCallback === 'string' ? encodingOrCallback : 'utf8');
    this.exchange.send(this.statusCode, this.flatHeaders(), body === undefined || body.length === 0 ? null : body);
    this.markSent(this.statusCode);
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
    this.markSent(this.statusCode, source);
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

  /** Node's `res.finished` / `writableEnded`: true once the response went out. */
  get finished(): boolean {
    return this.wentOut;
  }

  get writableEnded(): boolean {
    return this.wentOut;
  }

  /** True once the body was handed to the server (for a stream: once it ended). */
  get writableFinished(): boolean {
    return this.handedOver;
  }

  /**
   * Records that the response went out with `status`, whoever wrote it (`end()`, `stream()`, or the
   * pipeline through a response-bound exchange), so that `statusCode` is the one sent and watchers
   * learn it; then emits `finish` (a stream: once it ended) and `close`, as node does, on the next
   * tick. Calls after the first are ignored.
   */
  markSent(status: number, source?: Readable): void {
    if (this.wentOut) return;
    this.wentOut = true;
    this.headersSent = true;
    this.statusCode = status;
    this.notifyWatchers();
    if (source === undefined) {
      this.handOver();
      return;
    }
    // A source the adapter already dropped (HEAD, 204, 304) has nothing left to send.
    if (source.destroyed && !source.errored) this.handOver();
    else finished(source, (error) => (error ? this.emitLater('close') : this.handOver()));
  }

  /**
   * Calls `watcher` once, synchronously, when the response goes out (used by the middleware chain to
   * stop when a middleware answered by itself). Runs at once if it already went out.
   */
  whenSent(watcher: () => void): void {
    if (this.wentOut) watcher();
    else (this.sentWatchers ??= []).push(watcher);
  }

  // Node's EventEmitter surface, for middleware that watch `finish`/`close` (loggers, timers).

  on(event: string | symbol, listener: Listener): this {
    this.emitter().on(event, listener);
    return this;
  }

  addListener(event: string | symbol, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string | symbol, listener: Listener): this {
    this.emitter().once(event, listener);
    return this;
  }

  prependListener(event: string | symbol, listener: Listener): this {
    this.emitter().prependListener(event, listener);
    return this;
  }

  prependOnceListener(event: string | symbol, listener: Listener): this {
    this.emitter().prependOnceListener(event, listener);
    return this;
  }

  off(event: string | symbol, listener: Listener): this {
    this.events?.off(event, listener);
    return this;
  }

  removeListener(event: string | symbol, listener: Listener): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: string | symbol): this {
    this.events?.removeAllListeners(event);
    return this;
  }

  emit(event: string | symbol, ...args: unknown[]): boolean {
    return this.events?.emit(event, ...args) ?? false;
  }

  listeners(event: string | symbol): Listener[] {
    return (this.events?.listeners(event) ?? []) as Listener[];
  }

  listenerCount(event: string | symbol): number {
    return this.events?.listenerCount(event) ?? 0;
  }

  private emitter(): EventEmitter {
    return (this.events ??= new EventEmitter());
  }

  /** The body `end()` sends: the staged `write()` chunks followed by the last one. */
  private bodyWith(last: string | Uint8Array | undefined, encoding: BufferEncoding): string | Buffer | undefined {
    if (this.chunks === undefined) return last === undefined || typeof last === 'string' ? last : toBuffer(last, encoding);
    if (last !== undefined) this.chunks.push(toBuffer(last, encoding));
    const body = Buffer.concat(this.chunks);
    this.chunks = undefined;
    return body;
  }

  /** The client left before anything was written: as node, only `close` is emitted. */
  private giveUp(): void {
    this.wentOut = true;
    this.notifyWatchers();
    this.emitLater('close');
  }

  private handOver(): void {
    this.handedOver = true;
    this.emitLater('finish');
    this.emitLater('close');
  }

  private notifyWatchers(): void {
    const watchers = this.sentWatchers;
    if (watchers === undefined) return;
    this.sentWatchers = undefined;
    for (const watcher of watchers) watcher();
  }

  /** Events go out on the next tick, as node's do, so that a listener never runs inside the write. */
  private emitLater(event: 'finish' | 'close'): void {
    if (this.events !== undefined) process.nextTick(() => this.events?.emit(event));
  }
}

function toBuffer(chunk: string | Uint8Array, encoding: BufferEncoding): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
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

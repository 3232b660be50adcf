import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import type { HttpExchange, LoggerService, OutgoingHeaders } from '@armature/core';
import { payloadTooLarge, readRequestBody } from './read-body';
import { RequestBodyStream } from './request-body-stream';
import { lingerWhenNodeCloses } from './lingering-close';

/** What every exchange of one server shares (owned by the request dispatcher). */
export interface ExchangeContext {
  /** True once a graceful close started: every response from then on says `Connection: close`. */
  readonly closing: boolean;
  /** How long a closing connection keeps draining unread input (see lingering-close.ts). */
  readonly lingerTimeout: number;
  readonly logger: LoggerService | undefined;
}

const EMPTY_BODY = Buffer.alloc(0);
const CONNECTION_CLOSE: OutgoingHeaders = ['connection', 'close'];

/** `HttpExchange` over node's `IncomingMessage`/`ServerResponse`. One per request. */
export class NodeExchange implements HttpExchange {
  /** Set once reading the body began (or was refused): an unfinished body then forbids keep-alive. */
  private bodyStarted = false;
  private bodyReader: RequestBodyStream | null = null;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly context: ExchangeContext,
    /** The client sent `Expect: 100-continue`: it waits for our 100 before sending the body. */
    private readonly expectsContinue: boolean,
  ) {}

  get aborted(): boolean {
    // `res.destroyed` covers a socket that closed under this response; `writable` also covers a
    // pipelined response queued behind one that ended the connection.
    return this.res.destroyed || !this.req.socket.writable;
  }

  readBody(limit: number): Promise<Buffer> {
    if (this.bodyReader !== null) return Promise.reject(new Error('readBody() was called after bodyStream()'));
    const headers = this.req.headers;
    const declared = headers['content-length'];
    // RFC 9112 §6.3: without Content-Length and Transfer-Encoding a request has no body.
    if (declared === undefined ? headers['transfer-encoding'] === undefined : declared === '0') {
      return Promise.resolve(EMPTY_BODY);
    }
    this.bodyStarted = true;
    // The parser already validated Content-Length as digits; refuse before reading a byte.
    if (declared !== undefined && Number(declared) > limit) return Promise.reject(payloadTooLarge(limit));
    if (this.expectsContinue && !this.aborted) this.res.writeContinue();
    return readRequestBody(this.req, limit);
  }

  bodyStream(limit: number): Readable {
    if (this.bodyStarted || this.bodyReader !== null) throw new Error('The request body was already read');
    const headers = this.req.headers;
    const declared = headers['content-length'];
    const hasBody = declared === undefined ? headers['transfer-encoding'] !== undefined : declared !== '0';
    this.bodyReader = new RequestBodyStream(this.req, limit);
    if (hasBody) {
      this.bodyStarted = true;
      if (declared !== undefined && Number(declared) > limit) this.bodyReader.destroy(payloadTooLarge(limit));
      else if (this.expectsContinue && !this.aborted) this.res.writeContinue();
    }
    return this.bodyReader;
  }

  /**
   * Invalid header names/values or status codes throw from node's `writeHead` before anything is
   * written, so the caller can still answer 500.
   */
  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection = false): void {
    const res = this.res;
    if (res.headersSent || this.aborted) return;
    const close = closeConnection || this.mustClose();
    if (close) this.prepareToClose();
    const isHead = this.req.method === 'HEAD';
    if (status === 204 || status === 304 || status < 200) {
      // No body and no Content-Length allowed (RFC 9110 §8.6).
      res.writeHead(status, close ? headers.concat(CONNECTION_CLOSE) : headers);
      res.end();
      return;
    }
    const length = body === null ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    // A HEAD handler may state the length of a body it does not produce; elsewhere the real one wins.
    const keepGivenLength = isHead && body === null && headerIndex(headers, 'content-length') !== -1;
    const out = keepGivenLength ? headers.slice() : withoutHeader(headers, 'content-length');
    if (!keepGivenLength) out.push('content-length', String(length));
    if (close) out.push('connection', 'close');
    res.writeHead(status, out);
    if (body === null || isHead) res.end();
    else res.end(body);
  }

  stream(status: number, headers: OutgoingHeaders, source: Readable): void {
    const res = this.res;
    if (res.headersSent || this.aborted) {
      source.destroy();
      return;
    }
    const close = this.mustClose();
    if (close) this.prepareToClose();
    res.writeHead(status, close ? headers.concat(CONNECTION_CLOSE) : headers);
    if (this.req.method === 'HEAD' || status === 204 || status === 304) {
      res.end();
      source.destroy();
      return;
    }
    // pipeline() gives backpressure, destroys the source when the client goes away, and destroys the
    // response (hence the socket) when the source fails: the status is already on the wire.
    pipeline(source, res, (error) => this.onStreamEnd(error));
  }

  /** Closing is forced during shutdown, and after a body we stopped reading (it is still on the wire). */
  private mustClose(): boolean {
    return this.context.closing || (this.bodyStarted && !this.req.complete);
  }

  /** Drops whatever is left of the request body and makes the coming close linger (no RST). */
  private prepareToClose(): void {
    const req = this.req;
    if (req.complete) return;
    // A body stream nobody finished reading would pause the request again on its next chunk.
    if (this.bodyReader !== null) this.bodyReader.destroy();
    req.resume();
    lingerWhenNodeCloses(req.socket, this.context.lingerTimeout);
  }

  private onStreamEnd(error: NodeJS.ErrnoException | null | undefined): void {
    if (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE') return; // done, or the client left
    this.context.logger?.error(
      `Response stream for ${this.req.method} ${this.req.url} failed after the headers were sent; connection closed: ${error.message}`,
      'NodeAdapter',
    );
  }
}

function headerIndex(headers: OutgoingHeaders, name: string): number {
  for (let i = 0; i < headers.length; i += 2) if (headers[i] === name) return i;
  return -1;
}

/** A copy of `headers` (never the caller's array: it may be a shared constant) without `name`. */
function withoutHeader(headers: OutgoingHeaders, name: string): string[] {
  if (headerIndex(headers, name) === -1) return headers.slice();
  const out: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] !== name) out.push(headers[i], headers[i + 1]);
  }
  return out;
}

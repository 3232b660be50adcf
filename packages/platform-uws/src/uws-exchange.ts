import type { Readable } from 'node:stream';
import { RequestAbortedError, type HttpExchange, type OutgoingHeaders } from '@armature/core';
import { BodyCollector } from './body-collector';
import { NO_BODY } from './request-guards';
import { abortedBodyStream, UwsBodyStream } from './body-stream';
import { ASKS_CLOSE, findHeader, writeHeaders } from './response-head';
import { ResponseStream, type StreamOwner } from './response-stream';
import { statusLine } from './status-lines';
import type { HttpResponse } from './uws-types';

/** What an exchange needs from its adapter. */
export interface ExchangeOwner {
  /** True during a graceful close: answers then carry `Connection: close`. */
  readonly draining: boolean;
  /** Limit for a body collected before the route named its own (`RequestNeeds.body`). */
  readonly bodyLimit: number;
  /** Bodies larger than this are written with tryEnd/onWritable instead of one `end`. */
  readonly largeBodyThreshold: number;
  /** Called exactly once per exchange, when its answer is complete or the client went away. */
  exchangeFinished(): void;
  reportError(message: string, error: unknown): void;
}

const NO_HEADERS: OutgoingHeaders = [];

// `res.cork` takes a callback; passing this shared function (with the exchange parked in a module
// variable, cork runs it synchronously) avoids allocating a closure for every deferred answer.
let exchangeToWrite: UwsExchange | null = null;
function writeParkedExchange(): void {
  const exchange = exchangeToWrite as UwsExchange;
  exchangeToWrite = null;
  exchange.writeParked();
}

/**
 * One uWS request/response pair. uWS rules it follows: `res` is dead after `onAborted` or after
 * the answer ended, so nothing touches it then; writes made after the request callback returned
 * are corked (inside the callback uWS has the socket corked already, so those are not).
 */
export class UwsExchange implements HttpExchange, StreamOwner {
  aborted = false;
  /** True while the adapter's request callback is on the stack (uWS has the socket corked). */
  dispatching = true;

  private finished = false;
  private responding = false;
  private body: BodyCollector | null = null;
  private bodyStreamOpened: UwsBodyStream | null = null;
  private responseStream: ResponseStream | null = null;
  private largeBody: Buffer | null = null;
  private largeBodyStart = 0;
  private parkedStatus = 0;
  private parkedHeaders: OutgoingHeaders = NO_HEADERS;
  private parkedBody: string | Buffer | null = null;
  private parkedClose = false;

  constructor(
    private readonly owner: ExchangeOwner,
    private readonly res: HttpResponse,
    private readonly isHead: boolean,
    /** Content-Length, or NO_BODY / CHUNKED_BODY. */
    private readonly declaredLength: number,
  ) {}

  /** True once the answer is complete (uWS took its last byte) or the client went away. */
  get isFinished(): boolean {
    return this.finished;
  }

  /**
   * The handler for `res.onAborted`, registered by the adapter only when the answer is still
   * pending as its request callback returns (uWS requires one then). An answer completed inside the
   * callback, as most are, never allocates it: registering it costs a native call and a V8 handle.
   */
  abortHandler(): () => void {
    return () => this.onAborted();
  }

  private onAborted(): void {
    this.aborted = true;
    this.largeBody = null;
    if (this.body !== null) this.body.abort();
    if (this.bodyStreamOpened !== null) this.bodyStreamOpened.abort();
    if (this.responseStream !== null) this.responseStream.abort();
    this.finish();
  }

  get draining(): boolean {
    return this.owner.draining;
  }

  readBody(limit: number): Promise<Buffer> {
    if (this.body === null) {
      if (this.aborted) return Promise.reject(new RequestAbortedError());
      if (this.responding) return Promise.reject(new Error('readBody() was called after the response started'));
      if (this.bodyStreamOpened !== null) return Promise.reject(new Error('readBody() was called after bodyStream()'));
      this.body = new BodyCollector(this.res, limit, this.declaredLength);
    }
    return this.body.read(limit);
  }

  /**
   * Must be called inside the request callback (uWS drops data arriving before `onData` is set).
   * See UwsBodyStream for backpressure and limits.
   */
  bodyStream(limit: number): Readable {
    if (this.body !== null || this.bodyStreamOpened !== null) throw new Error('The request body was already read');
    if (this.aborted) return abortedBodyStream();
    if (this.responding) throw new Error('bodyStream() was called after the response started');
    this.bodyStreamOpened = new UwsBodyStream(this.res, limit, this.declaredLength);
    return this.bodyStreamOpened;
  }

  /** Called once the route's synchronous part returned: a body the route will read is collected now. */
  collectBodyAhead(): void {
    // A route reading the body as a stream owns `onData`: a second handler would replace its own.
    // A request without a body has nothing to collect (a later readBody() answers it at once),
    // so bodiless requests to body-reading routes allocate nothing here.
    if (this.declaredLength === NO_BODY || this.declaredLength === 0) return;
    if (this.body === null && this.bodyStreamOpened === null && !this.aborted && !this.responding) {
      this.body = new BodyCollector(this.res, this.owner.bodyLimit, this.declaredLength);
    }
  }

  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection = false): void {
    if (this.responding || this.aborted) return;
    this.responding = true;
    const bodyStream = this.bodyStreamOpened;
    if (bodyStream !== null) {
      bodyStream.release();
      // The rest of a streamed body is on its way, unbounded when chunked: close rather than read it all (as on node).
      if (!bodyStream.complete) closeConnection = true;
    }
    if (this.dispatching) {
      this.writeResponse(status, headers, body, closeConnection);
      return;
    }
    this.parkedStatus = status;
    this.parkedHeaders = headers;
    this.parkedBody = body;
    this.parkedClose = closeConnection;
    exchangeToWrite = this;
    this.res.cork(writeParkedExchange);
  }

  stream(status: number, headers: OutgoingHeaders, source: Readable): void {
    if (this.responding || this.aborted) {
      source.destroy();
      return;
    }
    this.responding = true;
    if (this.bodyStreamOpened !== null) this.bodyStreamOpened.release();
    this.responseStream = new ResponseStream(this, this.res, status, headers, source, this.isHead);
  }

  /** @internal The cork callback of a deferred `send`. */
  writeParked(): void {
    const body = this.parkedBody;
    const headers = this.parkedHeaders;
    this.parkedBody = null;
    this.parkedHeaders = NO_HEADERS;
    this.writeResponse(this.parkedStatus, headers, body, this.parkedClose);
  }

  /** @internal ResponseStream's completion. */
  streamFinished(): void {
    this.finish();
  }

  /** @internal */
  reportError(message: string, error: unknown): void {
    this.owner.reportError(message, error);
  }

  private writeResponse(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection: boolean): void {
    const res = this.res;
    // uWS writes "200 OK" itself when no status was written: one native call fewer for most answers.
    if (status !== 200) res.writeStatus(statusLine(status));
    // An explicit close (the pipeline's flag, or its own `connection: close`) goes through uWS's
    // end(body, true), which really closes the socket; while draining, answers that cannot use it
    // carry the header and their idle connection is closed at the end of the drain.
    const explicitClose = closeConnection || (writeHeaders(res, headers) & ASKS_CLOSE) !== 0;
    const withoutBody = this.isHead || status < 200 || status === 204 || status === 304;

    if (explicitClose) {
      res.end(withoutBody || body === null ? undefined : body, true);
    } else if (withoutBody) {
      this.endWithoutBody(status, headers, body);
      return;
    } else if (body === null) {
      res.end(undefined, this.owner.draining);
    } else if (body.length <= this.owner.largeBodyThreshold) {
      res.end(body, this.owner.draining);
    } else {
      this.startLargeBody(typeof body === 'string' ? Buffer.from(body) : body);
      return;
    }
    this.finish();
  }

  /**
   * HEAD, 1xx, 204 and 304. uWS 20.30's `endWithoutBody(length)` leaves the answer pending (the
   * next request on the connection then closes it), so Content-Length is written by hand and
   * `endWithoutBody()` is called without arguments (`endWithoutBody(undefined)` writes garbage).
   */
  private endWithoutBody(status: number, headers: OutgoingHeaders, body: string | Buffer | null): void {
    const res = this.res;
    if (status >= 200 && status !== 204 && status !== 304) {
      const length = body !== null ? Buffer.byteLength(body) : (findHeader(headers, 'content-length') ?? '0');
      res.writeHeader('content-length', String(length));
    }
    if (this.owner.draining) res.writeHeader('connection', 'close');
    res.endWithoutBody();
    this.finish();
  }

  /**
   * Large bodies: tryEnd writes what the socket takes now; the rest is written from onWritable,
   * so a slow reader never makes uWS copy megabytes into its backpressure buffer. The answer is
   * complete (for in-flight counting) only once the last byte went to the socket.
   */
  private startLargeBody(body: Buffer): void {
    const res = this.res;
    if (this.owner.draining) res.writeHeader('connection', 'close');
    this.largeBodyStart = res.getWriteOffset();
    const [, done] = res.tryEnd(body, body.length);
    if (done) {
      this.finish();
      return;
    }
    this.largeBody = body;
    res.onWritable((offset) => this.continueLargeBody(offset));
  }

  private continueLargeBody(offset: number): boolean {
    const body = this.largeBody;
    if (body === null) return true;
    const [ok, done] = this.res.tryEnd(body.subarray(offset - this.largeBodyStart), body.length);
    if (done) {
      this.largeBody = null;
      this.finish();
    }
    return ok;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.owner.exchangeFinished();
  }
}

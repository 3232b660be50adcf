import type { Readable } from 'node:stream';
import { errorJson, type OutgoingHeaders } from '@armature/core';
import { ASKS_CLOSE, findHeader, writeHeaders } from './response-head';
import { statusLine } from './status-lines';
import type { HttpResponse } from './uws-types';

const STREAM_FAILED_BODY = errorJson(500, 'Internal server error');
/** The size of a stream without a usable Content-Length: it goes out chunked. */
const UNSIZED = -1;
/** 15 digits always make an exact JavaScript number. */
const MAX_SIZE_DIGITS = 15;
const NO_BYTES = new Uint8Array(0);

/** What a streamed response reports back to its exchange. */
export interface StreamOwner {
  readonly draining: boolean;
  streamFinished(): void;
  reportError(message: string, error: unknown): void;
}

/**
 * The Content-Length the pipeline gave a stream, or UNSIZED when there is none or it is not plain
 * digits (RFC 9110 §8.6): such a body goes out chunked, as if no length had been given.
 */
export function declaredStreamSize(headers: OutgoingHeaders): number {
  const value = findHeader(headers, 'content-length');
  if (value === undefined || value.length === 0 || value.length > MAX_SIZE_DIGITS) return UNSIZED;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return UNSIZED;
  }
  return Number(value);
}

/**
 * Pipes a Readable into a uWS response: with its Content-Length when the headers carry a valid
 * one (as the node adapter does), else with chunked encoding.
 *
 * uWS rules: every write here happens outside the request callback, so each one is corked; after
 * an abort `res` must not be touched (the source is destroyed instead). Backpressure: a chunked
 * `write()` returning false means uWS buffered the chunk, so the source is paused until
 * `onWritable`; a sized body goes through `tryEnd`, which writes only what the socket takes now
 * (uWS then writes Content-Length itself and no chunk framing): the rest is kept here, the source
 * paused, and the rest retried from `onWritable`'s offset. The head is written with the first
 * chunk, so a source failing before any data still gets a 500.
 * uWS's `end(body, true)` would write its `Connection: close` header into the chunked body, so
 * that header is written with the head instead.
 */
export class ResponseStream {
  /** The source side is over: nothing more is read or written for it. */
  private done = false;
  private aborted = false;
  private headWritten = false;
  private waitingForWritable = false;
  private endAfterWritable = false;
  private writableRegistered = false;
  private pendingChunk: string | Uint8Array = '';
  private lastWriteOk = true;

  /** Declared Content-Length, or UNSIZED for a chunked body. */
  private readonly size: number;
  /** Bytes of a sized body taken from the source so far. */
  private taken = 0;
  /** Bytes `tryEnd` did not take yet (the socket was full), and the write offset they start at. */
  private unsent: Uint8Array | null = null;
  private unsentOffset = 0;
  /** The body's last byte, written only once the source ended (see onSizedData). */
  private lastByte: Uint8Array = NO_BYTES;
  private writableOffset = 0;
  private retryOk = true;

  constructor(
    private readonly owner: StreamOwner,
    private readonly res: HttpResponse,
    private readonly status: number,
    private readonly headers: OutgoingHeaders,
    private readonly source: Readable,
    private readonly isHead: boolean,
  ) {
    this.size = declaredStreamSize(headers);
    if (isHead || status === 204 || status === 304) {
      // No body may follow (RFC 9110 §6.4.1); HEAD still states the length a GET would send.
      this.done = true;
      res.cork(this.writeHeadOnly);
      source.destroy();
      owner.streamFinished();
      return;
    }
    if (source.readableEnded) {
      this.onEnd(); // consumed already: an empty body (too short, if it declared a length)
      return;
    }
    if (source.destroyed) {
      this.fail(new Error('The response stream was destroyed before it was sent'));
      return;
    }
    source.on('data', this.size === UNSIZED ? this.onData : this.onSizedData);
    source.once('end', this.onEnd);
    source.once('error', this.onError);
    source.once('close', this.onClose);
  }

  /** The client went away: release the source, never touch `res` again. */
  abort(): void {
    this.done = true;
    this.aborted = true;
    this.unsent = null;
    this.source.destroy();
  }

  // ---- chunked body -------------------------------------------------------------------------

  private readonly onData = (chunk: unknown): void => {
    if (this.done) return;
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      this.fail(new TypeError('A streamed response body must produce strings or Buffers'));
      return;
    }
    this.pendingChunk = chunk;
    this.res.cork(this.writeChunk);
    if (!this.lastWriteOk) {
      this.source.pause();
      this.waitForWritable();
    }
  };

  private readonly writeChunk = (): void => {
    if (!this.headWritten) this.writeHead();
    const chunk = this.pendingChunk;
    this.pendingChunk = '';
    this.lastWriteOk = this.res.write(chunk);
  };

  private readonly onWritable = (): boolean => {
    if (this.waitingForWritable) {
      this.waitingForWritable = false;
      if (this.endAfterWritable) this.finish();
      else if (!this.done) this.source.resume();
    }
    return true;
  };

  private waitForWritable(): void {
    this.waitingForWritable = true;
    if (!this.writableRegistered) {
      this.writableRegistered = true;
      this.res.onWritable(this.onWritable);
    }
  }

  private finish(): void {
    this.done = true;
    this.res.cork(this.writeEnd);
    this.owner.streamFinished();
  }

  private readonly writeEnd = (): void => {
    if (!this.headWritten) this.writeHead();
    this.res.end();
  };

  // ---- sized body ---------------------------------------------------------------------------

  private readonly onSizedData = (chunk: unknown): void => {
    if (this.done) return;
    let bytes: Uint8Array;
    if (typeof chunk === 'string') bytes = Buffer.from(chunk);
    else if (chunk instanceof Uint8Array) bytes = chunk;
    else {
      this.fail(new TypeError('A streamed response body must produce strings or Buffers'));
      return;
    }
    this.taken += bytes.length;
    if (this.taken > this.size) {
      this.fail(new Error(`The response stream produced more than the ${this.size} bytes of its Content-Length`));
      return;
    }
    // The last byte waits for the source's end: were the source to produce more after it, the
    // client must see a cut body (closed connection), not a complete answer that is wrong.
    if (this.taken === this.size && bytes.length > 0) {
      this.lastByte = bytes.subarray(bytes.length - 1);
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    if (bytes.length === 0) return;
    if (this.unsent !== null) {
      // Data that was on its way when the source was paused: it queues behind what uWS did not take.
      this.unsent = Buffer.concat([this.unsent, bytes]);
      return;
    }
    this.pendingChunk = bytes;
    this.res.cork(this.writeSizedChunk);
    if (this.unsent !== null) this.source.pause(); // resumed from onSizedWritable once all went out
  };

  private readonly writeSizedChunk = (): void => {
    if (!this.headWritten) this.writeHead();
    const bytes = this.pendingChunk as Uint8Array;
    this.pendingChunk = '';
    this.trySend(bytes);
  };

  private finishSized(): void {
    this.done = true;
    this.res.cork(this.writeLastByte);
  }

  private readonly writeLastByte = (): void => {
    if (!this.headWritten) this.writeHead();
    const last = this.lastByte;
    this.lastByte = NO_BYTES;
    this.trySend(last);
  };

  /** Hands `bytes` to `tryEnd`; what the socket did not take is kept for onSizedWritable. */
  private trySend(bytes: Uint8Array): void {
    const offset = this.res.getWriteOffset();
    const [ok, complete] = this.res.tryEnd(bytes, this.size);
    if (complete) {
      this.owner.streamFinished(); // uWS has the whole body: `res` is done
      return;
    }
    if (ok) return;
    this.unsent = bytes;
    this.unsentOffset = offset;
    if (!this.writableRegistered) {
      this.writableRegistered = true;
      this.res.onWritable(this.onSizedWritable);
    }
  }

  /** The socket drained: retry the unsent bytes from where the socket stopped taking them. */
  private readonly onSizedWritable = (offset: number): boolean => {
    if (this.unsent === null || this.aborted) return true;
    this.writableOffset = offset;
    this.res.cork(this.retryUnsent);
    if (this.unsent !== null || !this.retryOk) return this.retryOk;
    if (this.endAfterWritable) {
      this.endAfterWritable = false;
      this.finishSized();
    } else if (!this.done) {
      this.source.resume();
    }
    return true;
  };

  private readonly retryUnsent = (): void => {
    const unsent = this.unsent as Uint8Array;
    const [ok, complete] = this.res.tryEnd(unsent.subarray(this.writableOffset - this.unsentOffset), this.size);
    this.retryOk = ok || complete;
    if (complete) {
      this.unsent = null;
      this.owner.streamFinished();
    } else if (ok) {
      this.unsent = null;
    }
  };

  // ---- both -------------------------------------------------------------------------------

  private readonly onEnd = (): void => {
    if (this.done) return;
    if (this.size !== UNSIZED && this.taken < this.size) {
      this.fail(new Error(`The response stream ended after ${this.taken} of the ${this.size} bytes of its Content-Length`));
      return;
    }
    // Ending while congested would leave the tail in uWS's buffer: end once the socket drained.
    if (this.waitingForWritable || this.unsent !== null) this.endAfterWritable = true;
    else if (this.size === UNSIZED) this.finish();
    else this.finishSized();
  };

  private readonly onError = (error: Error): void => {
    this.fail(error);
  };

  private readonly onClose = (): void => {
    if (!this.done && !this.endAfterWritable) this.fail(new Error('The response stream closed before it ended'));
  };

  private fail(error: unknown): void {
    if (this.done) return;
    this.done = true;
    this.unsent = null;
    this.owner.reportError('Streaming the response failed', error);
    if (this.headWritten) {
      // The status line is out: only closing the connection tells the client the body is incomplete.
      this.res.close();
    } else {
      this.res.cork(this.writeFailure);
    }
    this.source.destroy();
    this.owner.streamFinished();
  }

  private readonly writeFailure = (): void => {
    this.res
      .writeStatus(statusLine(500))
      .writeHeader('content-type', 'application/json; charset=utf-8')
      .end(STREAM_FAILED_BODY, this.owner.draining);
  };

  /** uWS 20.30's `endWithoutBody(length)` leaves the answer pending, so the length is written by hand. */
  private readonly writeHeadOnly = (): void => {
    this.writeHead();
    if (this.isHead && this.size !== UNSIZED && this.status !== 204 && this.status !== 304) {
      this.res.writeHeader('content-length', String(this.size));
    }
    this.res.endWithoutBody();
  };

  private writeHead(): void {
    this.headWritten = true;
    this.res.writeStatus(statusLine(this.status));
    const asksClose = (writeHeaders(this.res, this.headers) & ASKS_CLOSE) !== 0;
    if (asksClose || this.owner.draining) this.res.writeHeader('connection', 'close');
  }
}

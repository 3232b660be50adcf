import type { Readable } from 'node:stream';
import { errorJson, type OutgoingHeaders } from '@armature/core';
import { ASKS_CLOSE, writeHeaders } from './response-head';
import { statusLine } from './status-lines';
import type { HttpResponse } from './uws-types';

const STREAM_FAILED_BODY = errorJson(500, 'Internal server error');

/** What a streamed response reports back to its exchange. */
export interface StreamOwner {
  readonly draining: boolean;
  streamFinished(): void;
  reportError(message: string, error: unknown): void;
}

/**
 * Pipes a Readable into a uWS response with chunked encoding.
 *
 * uWS rules: every write here happens outside the request callback, so each one is corked;
 * `write()` returning false means uWS buffered the chunk and the socket is congested, so the
 * source is paused until `onWritable`; after an abort `res` must not be touched. The head is
 * written with the first chunk, so a source failing before any data still gets a 500.
 * uWS's `end(body, true)` would write its `Connection: close` header into the chunked body, so
 * that header is written with the head instead.
 */
export class ResponseStream {
  private done = false;
  private headWritten = false;
  private waitingForWritable = false;
  private endAfterWritable = false;
  private writableRegistered = false;
  private pendingChunk: string | Uint8Array = '';
  private lastWriteOk = true;

  constructor(
    private readonly owner: StreamOwner,
    private readonly res: HttpResponse,
    private readonly status: number,
    private readonly headers: OutgoingHeaders,
    private readonly source: Readable,
    isHead: boolean,
  ) {
    if (isHead) {
      this.done = true;
      res.cork(this.writeHeadOnly);
      source.destroy();
      owner.streamFinished();
      return;
    }
    if (source.readableEnded) {
      this.finish(); // consumed already: an empty body
      return;
    }
    if (source.destroyed) {
      this.fail(new Error('The response stream was destroyed before it was sent'));
      return;
    }
    source.on('data', this.onData);
    source.once('end', this.onEnd);
    source.once('error', this.onError);
    source.once('close', this.onClose);
  }

  /** The client went away: release the source, never touch `res` again. */
  abort(): void {
    this.done = true;
    this.source.destroy();
  }

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

  private readonly onEnd = (): void => {
    if (this.done) return;
    // Ending while congested would leave the tail in uWS's buffer: end once the socket drained.
    if (this.waitingForWritable) this.endAfterWritable = true;
    else this.finish();
  };

  private readonly onError = (error: Error): void => {
    this.fail(error);
  };

  private readonly onClose = (): void => {
    if (!this.done && !this.endAfterWritable) this.fail(new Error('The response stream closed before it ended'));
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

  private fail(error: unknown): void {
    if (this.done) return;
    this.done = true;
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

  private readonly writeHeadOnly = (): void => {
    this.writeHead();
    this.res.endWithoutBody();
  };

  private writeHead(): void {
    this.headWritten = true;
    this.res.writeStatus(statusLine(this.status));
    const asksClose = (writeHeaders(this.res, this.headers) & ASKS_CLOSE) !== 0;
    if (asksClose || this.owner.draining) this.res.writeHeader('connection', 'close');
  }
}

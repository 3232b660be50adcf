import { Readable } from 'node:stream';
import { PayloadTooLargeException, RequestAbortedError } from '@armature/core';
import { NO_BODY } from './request-guards';
import type { HttpResponse } from './uws-types';

function ignore(): void {}

/**
 * A paused uWS socket neither times out nor notices that its client left (probed on 20.30: no
 * onAborted for 15 s; at once after resume, once the data the kernel held was read). So when the
 * consumer has read nothing for this long, the socket is resumed and stays so until the consumer
 * reads again: the body is then buffered (up to the stream's limit), uWS's idle timeout applies
 * again and a departed client is reported. Same period as uWS's idle timeout.
 */
const PAUSED_SOCKET_CHECK_MS = 10_000;

/** The same error, and message, as `readBody`'s. */
function tooLarge(limit: number): Error {
  return new PayloadTooLargeException(`Request body is larger than the limit of ${limit} bytes`);
}

/** The body stream of a request whose client is gone already: it only errors. */
export function abortedBodyStream(): Readable {
  const stream = new Readable({ read: ignore });
  stream.on('error', ignore);
  return stream.destroy(new RequestAbortedError());
}

/**
 * A request body as a Readable, fed by uWS's `onData` (for multipart uploads parsed as they arrive).
 *
 * uWS rules it follows:
 * - `onData` is registered in the constructor, which the exchange calls inside the request callback
 *   (chunks arriving before registration would be dropped);
 * - each chunk's ArrayBuffer is neutered when `onData` returns, so every chunk is copied;
 * - backpressure: when the consumer's buffer is full the socket is paused (`res.pause()`, which
 *   this build has) and resumed from `_read`, so a slow consumer holds at most one uWS chunk
 *   (up to ~512 KiB) beyond the stream's high-water mark; a consumer that reads nothing for 10 s
 *   makes the body buffer up to `limit` (see PAUSED_SOCKET_CHECK_MS);
 * - `res` is never touched once the client went away (`abort`).
 *
 * Over `limit` (declared or running total) the stream errors with 413 at once; from then on chunks
 * are dropped, never buffered, until the 413 answer closes the connection.
 */
export class UwsBodyStream extends Readable {
  /** Every byte of the body arrived (or there was none). */
  complete = false;
  private received = 0;
  private socketPaused = false;
  private responseGone = false;
  private stallTimer: NodeJS.Timeout | null = null;
  /** The consumer read nothing for PAUSED_SOCKET_CHECK_MS: no pausing until it reads again. */
  private stalled = false;

  constructor(
    private readonly res: HttpResponse,
    private readonly limit: number,
    declaredLength: number,
  ) {
    super();
    // The stream may fail before its consumer subscribes (or when nobody ever reads it, e.g. a guard
    // answered first): that must not be an uncaught 'error' event. Consumers still get it.
    this.on('error', ignore);
    if (declaredLength === NO_BODY || declaredLength === 0) {
      this.complete = true;
      this.push(null);
    } else if (declaredLength > limit) {
      this.destroy(tooLarge(limit));
    } else {
      res.onData((chunk, isLast) => this.receive(chunk, isLast));
    }
  }

  /** The client went away: `res` is dead from now on. */
  abort(): void {
    this.responseGone = true;
    if (!this.readableEnded) this.destroy(new RequestAbortedError());
  }

  /**
   * The answer is about to be written while the body is unfinished: nobody will read the rest.
   * Called before the write, while `res` is still valid, so that a paused socket can be resumed.
   */
  release(): void {
    if (!this.readableEnded && !this.destroyed) this.destroy();
  }

  override _read(): void {
    this.stalled = false;
    this.resumeSocket();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // uWS must go on reading (and this stream dropping) the rest, or it could not see the close
    // that follows the error answer.
    this.resumeSocket();
    callback(error);
  }

  private readonly onStall = (): void => {
    this.stallTimer = null;
    this.stalled = true;
    this.resumeSocket();
  };

  private resumeSocket(): void {
    if (this.stallTimer !== null) {
      clearTimeout(this.stallTimer);
      this.stallTimer = null;
    }
    if (this.socketPaused && !this.responseGone) {
      this.socketPaused = false;
      this.res.resume();
    }
  }

  private receive(chunk: ArrayBuffer, isLast: boolean): void {
    if (isLast) this.complete = true;
    if (this.destroyed) return;
    const total = this.received + chunk.byteLength;
    if (total > this.limit) {
      this.destroy(tooLarge(this.limit));
      return;
    }
    this.received = total;
    const wantsMore = chunk.byteLength === 0 || this.push(Buffer.from(new Uint8Array(chunk))); // copies: uWS neuters `chunk`
    if (isLast) {
      this.push(null);
    } else if (!wantsMore && !this.socketPaused && !this.stalled) {
      this.socketPaused = true;
      this.res.pause();
      this.stallTimer = setTimeout(this.onStall, PAUSED_SOCKET_CHECK_MS);
      this.stallTimer.unref();
    }
  }
}

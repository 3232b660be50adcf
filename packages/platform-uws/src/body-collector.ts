import { PayloadTooLargeException, RequestAbortedError } from '@armature/core';
import { NO_BODY } from './request-guards';
import type { HttpResponse } from './uws-types';

const EMPTY_BODY = Buffer.alloc(0);

function ignore(): void {}

/** The same error, and message, as the node adapter's. */
function tooLarge(limit: number): Error {
  return new PayloadTooLargeException(`Request body is larger than the limit of ${limit} bytes`);
}

/**
 * Collects one request body from uWS's `onData` stream.
 *
 * uWS rules: `onData` must be registered before the request callback returns (data arriving
 * earlier is otherwise dropped), and each chunk's ArrayBuffer is neutered when the callback
 * returns, so every chunk is copied. Once the body is over the limit, further chunks are ignored
 * (never buffered) until the connection is closed by the 413 answer.
 */
export class BodyCollector {
  readonly promise: Promise<Buffer>;

  private chunks: Buffer[] = [];
  private received = 0;
  private settled = false;
  private resolveBody!: (body: Buffer) => void;
  private rejectBody!: (error: Error) => void;

  constructor(
    res: HttpResponse,
    private limit: number,
    private readonly declaredLength: number,
  ) {
    this.promise = new Promise<Buffer>((resolve, reject) => {
      this.resolveBody = resolve;
      this.rejectBody = reject;
    });
    // A body collected ahead of `readBody` may fail before anyone awaits it: never an unhandled rejection.
    this.promise.catch(ignore);
    if (declaredLength === NO_BODY || declaredLength === 0) {
      this.succeed(EMPTY_BODY);
    } else if (declaredLength > limit) {
      this.fail(tooLarge(limit));
    } else {
      res.onData((chunk, isLast) => this.receive(chunk, isLast));
    }
  }

  /**
   * The body, held to `limit`. The collection may have started earlier under another limit (the
   * adapter's, for a route that reads its body only after an await): the new one applies now.
   */
  read(limit: number): Promise<Buffer> {
    this.limit = limit;
    const known = this.declaredLength >= 0 ? this.declaredLength : this.received;
    if (known <= limit) return this.promise;
    if (!this.settled) {
      this.fail(tooLarge(limit));
      return this.promise;
    }
    return Promise.reject(tooLarge(limit));
  }

  /** The client went away before the body was complete. */
  abort(): void {
    if (!this.settled) this.fail(new RequestAbortedError());
  }

  private receive(chunk: ArrayBuffer, isLast: boolean): void {
    if (this.settled) return;
    const size = chunk.byteLength;
    const total = this.received + size;
    if (total > this.limit) {
      this.fail(tooLarge(this.limit));
      return;
    }
    if (size > 0) this.chunks.push(Buffer.from(new Uint8Array(chunk))); // copies: uWS neuters `chunk` on return
    this.received = total;
    if (isLast) {
      const chunks = this.chunks;
      this.succeed(chunks.length === 1 ? chunks[0] : chunks.length === 0 ? EMPTY_BODY : Buffer.concat(chunks, total));
    }
  }

  private succeed(body: Buffer): void {
    this.settled = true;
    this.chunks = [];
    this.resolveBody(body);
  }

  private fail(error: Error): void {
    this.settled = true;
    this.chunks = [];
    this.rejectBody(error);
  }
}

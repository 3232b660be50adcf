import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { RequestAbortedError } from '@armature/core';
import { payloadTooLarge } from './read-body';

function ignore(): void {}

/**
 * A request body as a Readable held to `limit` bytes (for multipart uploads parsed as they arrive).
 *
 * Backpressure: when the consumer's buffer is full the request is paused, so node stops reading the
 * socket and the rest waits in the kernel (TCP flow control) instead of memory. Over the limit the
 * stream errors with 413 and the request stays paused: the exchange's 413 answer then drops what
 * is left and closes the connection. A client leaving mid-body errors it with RequestAbortedError.
 */
export class RequestBodyStream extends Readable {
  private received = 0;
  private listening = true;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
  ) {
    super();
    // The stream may fail before its consumer subscribes (or when nobody ever reads it, e.g. a guard
    // answered first): that must not be an uncaught 'error' event. Consumers still get it.
    this.on('error', ignore);
    req.on('data', this.onData);
    req.on('end', this.onEnd);
    req.on('error', this.onAbort);
    req.on('close', this.onAbort);
  }

  override _read(): void {
    if (this.listening) this.req.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.listening) {
      this.stopListening();
      if (!this.req.complete) this.req.pause();
    }
    callback(error);
  }

  private readonly onData = (chunk: Buffer): void => {
    this.received += chunk.length;
    if (this.received > this.limit) {
      this.destroy(payloadTooLarge(this.limit));
      return;
    }
    if (!this.push(chunk)) this.req.pause();
  };

  private readonly onEnd = (): void => {
    this.stopListening();
    this.push(null);
  };

  // 'close' before 'end' (or 'error') only happens when the socket died mid-body.
  private readonly onAbort = (): void => {
    this.destroy(new RequestAbortedError());
  };

  private stopListening(): void {
    this.listening = false;
    const req = this.req;
    req.removeListener('data', this.onData);
    req.removeListener('end', this.onEnd);
    req.removeListener('error', this.onAbort);
    req.removeListener('close', this.onAbort);
  }
}

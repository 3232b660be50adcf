import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from './http-exchange';

/**
 * An exchange that passes everything to another one: the base of exchanges that change only how
 * responses are written (adding CORS headers, writing on behalf of a middleware's `res`).
 */
export abstract class ForwardingExchange implements HttpExchange {
  constructor(protected readonly inner: HttpExchange) {}

  get aborted(): boolean {
    return this.inner.aborted;
  }

  readBody(limit: number): Promise<Buffer> {
    return this.inner.readBody(limit);
  }

  bodyStream(limit: number): Readable {
    return this.inner.bodyStream(limit);
  }

  /** Passes the failure behind an error answer on to an exchange that records it (see error-writer.ts). */
  recordFailure(error: unknown): void {
    (this.inner as { recordFailure?: (error: unknown) => void }).recordFailure?.(error);
  }

  abstract send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection?: boolean): void;
  abstract stream(status: number, headers: OutgoingHeaders, source: Readable): void;
}

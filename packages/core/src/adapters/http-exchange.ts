import type { Readable } from 'node:stream';

/**
 * Response headers as a flat list: [name, value, name, value, ...], names in lower case.
 * A flat array is what both node's `writeHead` and a uWS `writeHeader` loop consume fastest.
 */
export type OutgoingHeaders = string[];

/**
 * One request/response pair as an adapter exposes it to the pipeline. Each adapter implements it
 * on top of its own primitives (uWS `HttpResponse`, node `ServerResponse`).
 *
 * The pipeline guarantees: `readBody` is called at most once, and before its first `await`;
 * exactly one of `send`/`stream` is called; nothing is called once `aborted` is true.
 */
export interface HttpExchange {
  /** True once the client went away. Nothing may be written after that. */
  readonly aborted: boolean;

  /**
   * Collects the request body. Rejects with `PayloadTooLargeException` as soon as more than `limit`
   * bytes arrived (or the declared Content-Length is larger), without buffering the rest; rejects
   * with `RequestAbortedError` when the client disconnects mid-body.
   */
  readBody(limit: number): Promise<Buffer>;

  /**
   * The request body as a stream (for multipart uploads parsed while they arrive). The stream errors
   * with `PayloadTooLargeException` once more than `limit` bytes arrived, and with
   * `RequestAbortedError` if the client goes away. Same rule as `readBody`: called at most once,
   * before the first await, and never together with `readBody`.
   */
  bodyStream(limit: number): Readable;

  /**
   * Writes a complete response. `body === null` means no body (Content-Length: 0, or none for 204/304).
   * For HEAD requests the adapter sends the headers (with the body's Content-Length) and no body.
   * `closeConnection` asks the adapter to close the connection after this response (e.g. after a 413
   * whose unread body is still on the wire).
   * Adapters answer large bodies with backpressure (uWS: tryEnd/onWritable) and cork deferred writes.
   */
  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection?: boolean): void;

  /**
   * Streams a body (chunked transfer encoding) from a readable, pausing it while the socket is
   * congested. Destroys the readable if the client aborts. A readable that errors after headers were
   * sent closes the connection (the status can no longer change).
   */
  stream(status: number, headers: OutgoingHeaders, source: Readable): void;
}

/** Thrown into `readBody` when the client disconnects before the body was complete. */
export class RequestAbortedError extends Error {
  constructor() {
    super('Request aborted by the client');
    this.name = 'RequestAbortedError';
  }
}

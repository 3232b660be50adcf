import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { ForwardingExchange } from '../adapters/forwarding-exchange';
import type { HttpRequest } from './http-request';
import { HttpResponse } from './http-response';

/**
 * The exchange a wrapped route handle writes to: instead of going to the socket, its answer
 * becomes an `HttpResponse` that the middleware around it receive from `next()`. Body reads go
 * to the real exchange through the request, so the body is read once whoever asks first.
 */
export class CaptureExchange extends ForwardingExchange {
  readonly response: Promise<HttpResponse>;
  private resolve!: (response: HttpResponse) => void;
  private captured = false;
  private failure: unknown = undefined;

  constructor(
    inner: HttpExchange,
    private readonly request: HttpRequest,
  ) {
    super(inner);
    this.response = new Promise((resolve) => (this.resolve = resolve));
  }

  override readBody(limit: number): Promise<Buffer> {
    return this.request.readBodyOnce(limit);
  }

  /** Called by the pipeline's error writer just before it answers a failure: becomes `response.error`. */
  override recordFailure(error: unknown): void {
    this.failure = error;
  }

  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection?: boolean): void {
    const response = new HttpResponse(status, headers.slice(), body);
    response.closeConnection = closeConnection === true;
    response.error = this.failure;
    this.capture(response);
  }

  stream(status: number, headers: OutgoingHeaders, source: Readable): void {
    this.capture(new HttpResponse(status, headers.slice(), source));
  }

  private capture(response: HttpResponse): void {
    if (this.captured) {
      // Only one answer per request; a late stream must not be left open.
      if (response.isStream) (response.body as Readable).destroy();
      return;
    }
    this.captured = true;
    this.resolve(response);
  }
}

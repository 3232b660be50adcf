import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { ForwardingExchange } from '../adapters/forwarding-exchange';
import type { ArmatureRequest } from '../http/request';
import { ArmatureResponse } from '../http/response';

/**
 * An exchange that writes on behalf of a response object: whatever the pipeline sends through it
 * (a result, an error, a 404) carries the headers middleware set on the response (CORS, helmet,
 * cookies), as on Express's single `res`, and marks the response sent with its real status, so that
 * `finish` listeners (loggers) see it.
 */
export class ResponseBoundExchange extends ForwardingExchange {
  constructor(
    inner: HttpExchange,
    readonly response: ArmatureResponse,
  ) {
    super(inner);
  }

  // `flatHeaders` gives precedence to the response's own headers and is idempotent, so headers the
  // caller already merged from this response are not doubled.
  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection?: boolean): void {
    this.response.headersSent = true;
    this.inner.send(status, this.response.flatHeaders(headers), body, closeConnection);
    this.response.markSent(status);
  }

  stream(status: number, headers: OutgoingHeaders, source: Readable): void {
    this.response.headersSent = true;
    this.inner.stream(status, this.response.flatHeaders(headers), source);
    this.response.markSent(status, source);
  }
}

export interface BoundResponse {
  /** The `res` middleware and `@Res()` get. */
  readonly response: ArmatureResponse;
  /** The exchange the rest of the pipeline writes through. */
  readonly exchange: HttpExchange;
}

/** The response of a request that runs middleware, linked both ways (`req.res`, `res.req`), and its bound exchange. */
export function bindResponse(request: ArmatureRequest, exchange: HttpExchange): BoundResponse {
  const response = new ArmatureResponse(exchange, request.method);
  linkRequestAndResponse(request, response);
  return { response, exchange: new ResponseBoundExchange(exchange, response) };
}

/** Express's `req.res` / `res.req`, which some middleware rely on (and `res.cookie(..., { signed })` does). */
export function linkRequestAndResponse(request: ArmatureRequest, response: ArmatureResponse): void {
  request.res ??= response;
  response.req ??= request;
}

import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import { StreamableFile } from '../http/streamable-file';
import { HttpResponse, isReadable } from '../wrap/http-response';
import { writeHttpResponse } from '../wrap/write-response';

const JSON_HEADERS: OutgoingHeaders = ['content-type', 'application/json; charset=utf-8'];
const TEXT_HEADERS: OutgoingHeaders = ['content-type', 'text/plain; charset=utf-8'];
const BINARY_HEADERS: OutgoingHeaders = ['content-type', 'application/octet-stream'];
const NO_HEADERS: OutgoingHeaders = [];

/** How a route turns what its handler returned into an answer. One is built per route, at startup. */
export interface ReplyWriter {
  /**
   * Writes the result straight to the exchange (routes without middleware). Throws only when the
   * value cannot be serialized, before anything is written, so the caller can still answer 500.
   */
  write(value: unknown, exchange: HttpExchange): void;
  /** The result as a response value, for the middleware around the route (their own header list, which they may change). */
  toResponse(value: unknown): HttpResponse;
}

/**
 * JSON first, with NestJS's status rules: an `HttpResponse` is sent as built; objects, arrays,
 * numbers and booleans are JSON (through the route's response schema serializer when it has one);
 * strings are `text/plain` (NestJS says text/html, an invitation to XSS in an API); Buffers are
 * bytes; Readables and `StreamableFile`s are streamed; undefined and null are an empty body.
 * `status` is the route's (200, 201 for POST, or its `status` option).
 */
export function createReplyWriter(status: number, serialize: (value: unknown) => string | undefined = JSON.stringify): ReplyWriter {
  // Hot path: a few type checks and one exchange call.
  const write = (value: unknown, exchange: HttpExchange): void => {
    if (value !== null && typeof value === 'object') {
      if (value instanceof HttpResponse) return writeHttpResponse(exchange, value); // checks for an abort itself
      if (exchange.aborted) return discard(value);
      if (Buffer.isBuffer(value)) return exchange.send(status, BINARY_HEADERS, value);
      if (value instanceof StreamableFile) return exchange.stream(status, value.getHeaders(), value.getStream());
      if (isReadable(value)) return exchange.stream(status, BINARY_HEADERS, value);
      return exchange.send(status, JSON_HEADERS, serialize(value) ?? null);
    }
    if (exchange.aborted) return;
    if (typeof value === 'string') return exchange.send(status, TEXT_HEADERS, value);
    if (value === undefined || value === null) return exchange.send(status, NO_HEADERS, null);
    const json = serialize(value); // numbers, booleans (bigint and symbols throw or give undefined)
    exchange.send(status, json === undefined ? NO_HEADERS : JSON_HEADERS, json ?? null);
  };

  const toResponse = (value: unknown): HttpResponse => {
    if (value instanceof HttpResponse) return value;
    if (value === undefined || value === null) return new HttpResponse(status);
    if (typeof value === 'string') return new HttpResponse(status, TEXT_HEADERS.slice(), value);
    if (typeof value === 'object') {
      if (Buffer.isBuffer(value)) return new HttpResponse(status, BINARY_HEADERS.slice(), value);
      if (value instanceof StreamableFile) return new HttpResponse(status, value.getHeaders(), value.getStream());
      if (isReadable(value)) return new HttpResponse(status, BINARY_HEADERS.slice(), value as Readable);
    }
    const json = serialize(value);
    return json === undefined ? new HttpResponse(status) : new HttpResponse(status, JSON_HEADERS.slice(), json);
  };

  return { write, toResponse };
}

/** A client that went away gets nothing; a stream it would have received must not stay open. */
function discard(value: object): void {
  if (value instanceof StreamableFile) value.getStream().destroy();
  else if (isReadable(value)) value.destroy();
}

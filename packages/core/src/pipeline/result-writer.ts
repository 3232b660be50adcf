import type { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../adapters/http-exchange';
import type { ArmatureResponse } from '../http/response';
import { StreamableFile } from '../http/streamable-file';
import type { RouteDefinition } from '../router/route-definition';

/** Writes a handler's return value as the response. One is built per route at startup. */
export type ResultWriter = (value: unknown, exchange: HttpExchange, response: ArmatureResponse | undefined) => void;

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const BINARY_TYPE = 'application/octet-stream';

/**
 * Precomputes the route's status and header lists (one per kind of body) so that writing a result
 * is a few type checks and one `exchange.send`. NestJS's rules: objects and arrays are JSON,
 * strings (and other primitives) `text/html`, Buffers `application/octet-stream`, streams are
 * streamed, `undefined`/`null` is an empty body; 200 by default, 201 for POST, `@HttpCode` wins.
 */
export function createResultWriter(route: RouteDefinition, serializerFor?: (status: number) => ((value: unknown) => string) | undefined): ResultWriter {
  const status = defaultStatusOf(route);
  // A response schema gives a precompiled serializer for the default status; JSON.stringify otherwise.
  const serialize: (value: unknown) => string | undefined = serializerFor?.(status) ?? JSON.stringify;
  const base: OutgoingHeaders = route.responseHeaders.flatMap(([name, value]) => [name, value]);
  const fixedType = route.responseHeaders.some(([name]) => name === 'content-type');
  const typed = (type: string): OutgoingHeaders => (fixedType ? base : [...base, 'content-type', type]);
  const jsonHeaders = typed(JSON_TYPE);
  const htmlHeaders = typed(HTML_TYPE);
  const binaryHeaders = typed(BINARY_TYPE);
  const redirect = route.redirect;

  // Hot path: called once per successful request. Throws only if the value cannot be serialised
  // (before anything is written, so the caller can still answer 500).
  const writeValue = (value: unknown, exchange: HttpExchange, response: ArmatureResponse | undefined): void => {
    if (response?.headersSent) return; // the handler answered through @Res itself
    if (value === undefined || value === null) {
      send(exchange, response, base, null);
    } else if (typeof value === 'string') {
      send(exchange, response, htmlHeaders, value);
    } else if (typeof value !== 'object') {
      send(exchange, response, htmlHeaders, String(value));
    } else if (Buffer.isBuffer(value)) {
      send(exchange, response, binaryHeaders, value);
    } else if (value instanceof StreamableFile) {
      streamOut(exchange, response, [...base, ...value.getHeaders()], value.getStream());
    } else if (isReadable(value)) {
      streamOut(exchange, response, binaryHeaders, value);
    } else {
      const code = response?.statusWasSet ? response.statusCode : status;
      const json = code === status ? serialize(value) : (serializerFor?.(code) ?? JSON.stringify)(value);
      send(exchange, response, jsonHeaders, json === undefined ? null : json);
    }
  };

  // With @Res({ passthrough: true }), the handler's status and headers join the route's.
  const send = (exchange: HttpExchange, response: ArmatureResponse | undefined, headers: OutgoingHeaders, body: string | Buffer | null): void => {
    if (response === undefined) return exchange.send(status, headers, body);
    response.headersSent = true;
    exchange.send(response.statusWasSet ? response.statusCode : status, response.flatHeaders(headers), body);
  };
  const streamOut = (exchange: HttpExchange, response: ArmatureResponse | undefined, headers: OutgoingHeaders, source: Readable): void => {
    if (response === undefined) return exchange.stream(status, headers, source);
    response.headersSent = true;
    exchange.stream(response.statusWasSet ? response.statusCode : status, response.flatHeaders(headers), source);
  };

  if (redirect === undefined) {
    return (value, exchange, response) => {
      if (!exchange.aborted) writeValue(value, exchange, response);
      else destroyUnsent(value);
    };
  }
  // @Redirect: the handler may return { url, statusCode } to override either.
  return (value, exchange, response) => {
    if (exchange.aborted) return;
    const override = (value ?? {}) as { url?: string; statusCode?: number };
    const url = override.url ?? redirect.url;
    const code = override.statusCode ?? redirect.statusCode;
    if (response !== undefined) response.headersSent = true;
    exchange.send(code, [...base, 'location', url], null);
  };
}

/** 200, 201 for POST, or the route's @HttpCode. */
export function defaultStatusOf(route: Pick<RouteDefinition, 'httpCode' | 'method'>): number {
  return route.httpCode ?? (route.method === 'POST' ? 201 : 200);
}

/** A stream returned for a request that is already gone (client left, timed out) is released, not left open. */
function destroyUnsent(value: unknown): void {
  if (value instanceof StreamableFile) value.getStream().destroy();
  else if (typeof value === 'object' && value !== null && isReadable(value)) value.destroy();
}

function isReadable(value: object): value is Readable {
  return typeof (value as { pipe?: unknown }).pipe === 'function' && typeof (value as { on?: unknown }).on === 'function';
}

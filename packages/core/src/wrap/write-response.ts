import type { Readable } from 'node:stream';
import type { HttpExchange } from '../adapters/http-exchange';
import type { HttpResponse } from './http-response';

/** Writes a response value through the adapter's exchange (a stream is piped with backpressure). */
export function writeHttpResponse(exchange: HttpExchange, response: HttpResponse): void {
  const body = response.body;
  if (exchange.aborted) {
    if (response.isStream) (body as Readable).destroy();
    return;
  }
  if (response.isStream) exchange.stream(response.status, response.headers, body as Readable);
  else exchange.send(response.status, response.headers, body as string | Buffer | null, response.closeConnection);
}

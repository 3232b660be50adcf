import type { OutgoingHeaders } from '@armature/core';
import type { HttpResponse } from './uws-types';

/** `writeHeaders` result bits. */
export const ASKS_CLOSE = 1;

/**
 * Writes the pipeline's flat [name, value, ...] headers. The framing headers are left out because
 * uWS writes them itself, and a second copy would make the response invalid: `content-length`
 * (end/tryEnd add the real one), `transfer-encoding` (write() adds `chunked`) and `connection`
 * (end(body, true) adds `Connection: close`; a `connection: close` header is reported through
 * ASKS_CLOSE instead).
 */
export function writeHeaders(res: HttpResponse, headers: OutgoingHeaders): number {
  let flags = 0;
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i];
    if (name === 'content-length' || name === 'transfer-encoding') continue;
    if (name === 'connection') {
      if (headers[i + 1].toLowerCase() === 'close') flags |= ASKS_CLOSE;
      continue;
    }
    res.writeHeader(name, headers[i + 1]);
  }
  return flags;
}

/** The value of a header the pipeline set itself, or undefined. */
export function findHeader(headers: OutgoingHeaders, name: string): string | undefined {
  for (let i = 0; i < headers.length; i += 2) if (headers[i] === name) return headers[i + 1];
  return undefined;
}

import { errorJson, type IncomingHeaders } from '@armature/core';
import { addHeaderLine, commonHeaderName } from './header-copy';

/*
 * uWS 20.30's parser leaves gaps the adapter closes in JavaScript, from the headers alone:
 * - it accepts header blocks up to ~128 KiB whatever `maxHeaderSize` says (the
 *   UWS_HTTP_MAX_HEADERS_SIZE variable of later builds is not read by this one), so the block is
 *   measured here;
 * - it accepts two different Content-Length values and frames the body by the first one: the rest
 *   would be parsed as a second request (request smuggling);
 * - it passes Transfer-Encoding values other than `chunked` (e.g. `gzip`) without framing the body;
 * - it runs the route for a malformed Content-Length (`+3`, `3,3`) before closing the connection;
 * - it rejects Content-Length together with Transfer-Encoding itself (by closing the connection),
 *   but the check is kept here too so that a parser change cannot reopen it.
 * Rejections are answered by the adapter (`rejectRequest`), never by a route.
 */

export const ACCEPT = 0;
export const HEADERS_TOO_LARGE = 1;
export const CONFLICTING_CONTENT_LENGTH = 2;
export const INVALID_CONTENT_LENGTH = 3;
export const LENGTH_WITH_TRANSFER_ENCODING = 4;
export const INVALID_TRANSFER_ENCODING = 5;
export const UNSUPPORTED_TRANSFER_CODING = 6;

/** Verdict returned by `RequestHeaderScan.inspect`: ACCEPT or one of the rejections below. */
export type HeaderVerdict = number;

export interface Rejection {
  readonly status: number;
  /**
   * The JSON error body followed by whitespace (still valid JSON) up to more than uWS's 16 KiB
   * cork buffer, so that uWS writes it out at once instead of corking it (see rejectRequest).
   */
  readonly paddedBody: string;
}

/** uWS's LoopData::CORK_BUFFER_SIZE in this build (16 KiB); the padded bodies are larger. */
export const UWS_CORK_BUFFER_BYTES = 16 * 1024;

function rejection(status: number, message: string): Rejection {
  const body = errorJson(status, message);
  return { status, paddedBody: body + ' '.repeat(UWS_CORK_BUFFER_BYTES + 1 - body.length) + '\n' };
}

/** Error answers for each rejecting verdict, built once. Each one closes the connection. */
export const REJECTIONS: readonly Rejection[] = [
  rejection(500, 'Internal server error'), // ACCEPT: never used as a rejection
  rejection(431, 'Request header fields too large'),
  rejection(400, 'Conflicting Content-Length headers'),
  rejection(400, 'Invalid Content-Length header'),
  rejection(400, 'Content-Length and Transfer-Encoding must not be combined'),
  rejection(400, 'Transfer-Encoding must end with chunked'),
  rejection(501, 'Unsupported Transfer-Encoding'),
];

/** `declaredLength` when the request has no body. */
export const NO_BODY = -1;
/** `declaredLength` when the body is chunked (length unknown until it ends). */
export const CHUNKED_BODY = -2;

/** What `inspect` needs from uWS's request. */
export interface HeaderSource {
  forEach(visit: (name: string, value: string) => void): void;
}

const CONTENT_LENGTH = 'content-length';
const TRANSFER_ENCODING = 'transfer-encoding';
/** ": " and "\r\n" around every header line. */
const HEADER_LINE_OVERHEAD = 4;

/**
 * One pass over the request's headers (uWS `forEach`) that measures the header block, notices
 * Content-Length / Transfer-Encoding, and copies the headers the route reads: all of them, or the
 * named ones (reading those here costs a string comparison each, where a `getHeader` per name
 * afterwards would cost a native call each). One instance per adapter; its visitor is bound
 * once, so the pass allocates no closure.
 */
export class RequestHeaderScan {
  /** After an ACCEPT: the declared body length, NO_BODY or CHUNKED_BODY. */
  declaredLength = NO_BODY;

  private blockBytes = 0;
  private contentLength: string | undefined = undefined;
  private conflictingLengths = false;
  private transferEncoding: string | undefined = undefined;
  private sink: IncomingHeaders | null = null;
  private wanted: readonly string[] | null = null;

  constructor(private readonly maxHeaderBytes: number) {}

  private readonly visit = (name: string, value: string): void => {
    this.blockBytes += name.length + value.length + HEADER_LINE_OVERHEAD;
    // Length first: a number comparison rejects almost every other header at no cost.
    if (name.length === 14 && name === CONTENT_LENGTH) {
      if (this.contentLength === undefined) this.contentLength = value;
      else if (this.contentLength !== value) this.conflictingLengths = true;
    } else if (name.length === 17 && name === TRANSFER_ENCODING) {
      this.transferEncoding = this.transferEncoding === undefined ? value : `${this.transferEncoding}, ${value}`;
    }
    if (this.sink === null) return;
    if (this.wanted === null) {
      addHeaderLine(this.sink, commonHeaderName(name), value);
      return;
    }
    // The route's own (internalized) name is the key: V8 then stores it without first looking
    // up uWS's fresh copy of the name in its string table.
    const index = this.wanted.indexOf(name);
    if (index !== -1) addHeaderLine(this.sink, this.wanted[index], value);
  };

  /**
   * HOT PATH (every request). `requestLineBytes` is the size of the request line, which counts
   * toward the limit as in node. `sink` receives the headers the route reads (null when it reads
   * none): those named in `wanted` (lower case), or every one when `wanted` is null. Repeated
   * lines are merged as node merges them, whichever way they are copied.
   */
  inspect(request: HeaderSource, requestLineBytes: number, sink: IncomingHeaders | null, wanted: readonly string[] | null = null): HeaderVerdict {
    this.blockBytes = requestLineBytes;
    this.contentLength = undefined;
    this.conflictingLengths = false;
    this.transferEncoding = undefined;
    this.sink = sink;
    this.wanted = wanted;
    request.forEach(this.visit);
    this.sink = null;
    this.wanted = null;

    if (this.blockBytes > this.maxHeaderBytes) return HEADERS_TOO_LARGE;
    if (this.contentLength === undefined && this.transferEncoding === undefined) {
      this.declaredLength = NO_BODY;
      return ACCEPT;
    }
    return this.checkFraming();
  }

  /** Rare path: the request declares a body. */
  private checkFraming(): HeaderVerdict {
    if (this.conflictingLengths) return CONFLICTING_CONTENT_LENGTH;
    if (this.contentLength !== undefined) {
      if (this.transferEncoding !== undefined) return LENGTH_WITH_TRANSFER_ENCODING;
      const length = parseContentLength(this.contentLength);
      if (length < 0) return INVALID_CONTENT_LENGTH;
      this.declaredLength = length;
      return ACCEPT;
    }
    const codings = (this.transferEncoding as string).split(',').map((coding) => coding.trim().toLowerCase());
    if (codings[codings.length - 1] !== 'chunked' || codings.indexOf('chunked') !== codings.length - 1) {
      return INVALID_TRANSFER_ENCODING;
    }
    if (codings.length > 1) return UNSUPPORTED_TRANSFER_CODING;
    this.declaredLength = CHUNKED_BODY;
    return ACCEPT;
  }
}

/** Digits only (no sign, no list, no spaces), at most 15 of them; -1 otherwise. */
export function parseContentLength(value: string): number {
  if (value.length === 0 || value.length > 15) return -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  return Number(value);
}

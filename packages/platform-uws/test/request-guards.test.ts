import type { IncomingHeaders } from '@armature/core';
import {
  ACCEPT,
  CHUNKED_BODY,
  CONFLICTING_CONTENT_LENGTH,
  HEADERS_TOO_LARGE,
  INVALID_CONTENT_LENGTH,
  INVALID_TRANSFER_ENCODING,
  LENGTH_WITH_TRANSFER_ENCODING,
  NO_BODY,
  parseContentLength,
  REJECTIONS,
  RequestHeaderScan,
  UNSUPPORTED_TRANSFER_CODING,
  UWS_CORK_BUFFER_BYTES,
} from '../src/request-guards';

/** uWS's request as the scan sees it: lower-case names in arrival order. */
function headers(...lines: Array<[string, string]>): { forEach(visit: (name: string, value: string) => void): void } {
  return { forEach: (visit) => lines.forEach(([name, value]) => visit(name, value)) };
}

describe('RequestHeaderScan', () => {
  const scan = new RequestHeaderScan(200);

  it('accepts ordinary requests and reports their framing', () => {
    expect(scan.inspect(headers(['host', 'a']), 20, null)).toBe(ACCEPT);
    expect(scan.declaredLength).toBe(NO_BODY);
    expect(scan.inspect(headers(['content-length', '42']), 20, null)).toBe(ACCEPT);
    expect(scan.declaredLength).toBe(42);
    expect(scan.inspect(headers(['transfer-encoding', 'Chunked']), 20, null)).toBe(ACCEPT);
    expect(scan.declaredLength).toBe(CHUNKED_BODY);
    expect(scan.inspect(headers(['content-length', '7'], ['content-length', '7']), 20, null)).toBe(ACCEPT);
  });

  it('measures the request line plus every header line against the limit', () => {
    // 20 + ("x-a: " + 172 bytes + CRLF = 180) = 200: at the limit
    expect(scan.inspect(headers(['x-a', 'v'.repeat(173)]), 20, null)).toBe(ACCEPT);
    expect(scan.inspect(headers(['x-a', 'v'.repeat(174)]), 20, null)).toBe(HEADERS_TOO_LARGE);
    expect(scan.inspect(headers(['x-a', 'v'.repeat(90)], ['x-b', 'v'.repeat(90)]), 20, null)).toBe(HEADERS_TOO_LARGE);
    expect(scan.inspect(headers(), 201, null)).toBe(HEADERS_TOO_LARGE);
  });

  it('rejects smuggling shapes', () => {
    expect(scan.inspect(headers(['content-length', '3'], ['content-length', '5']), 0, null)).toBe(CONFLICTING_CONTENT_LENGTH);
    expect(scan.inspect(headers(['content-length', '3'], ['transfer-encoding', 'chunked']), 0, null)).toBe(
      LENGTH_WITH_TRANSFER_ENCODING,
    );
    expect(scan.inspect(headers(['transfer-encoding', 'chunked'], ['content-length', '3']), 0, null)).toBe(
      LENGTH_WITH_TRANSFER_ENCODING,
    );
    expect(scan.inspect(headers(['transfer-encoding', 'gzip']), 0, null)).toBe(INVALID_TRANSFER_ENCODING);
    expect(scan.inspect(headers(['transfer-encoding', 'chunked'], ['transfer-encoding', 'chunked']), 0, null)).toBe(
      INVALID_TRANSFER_ENCODING,
    );
    expect(scan.inspect(headers(['transfer-encoding', 'chunked, gzip']), 0, null)).toBe(INVALID_TRANSFER_ENCODING);
    expect(scan.inspect(headers(['transfer-encoding', 'gzip, chunked']), 0, null)).toBe(UNSUPPORTED_TRANSFER_CODING);
    for (const value of ['', '+3', '-1', '3,3', ' 3', '0x10', '1e3', '9999999999999999']) {
      expect(scan.inspect(headers(['content-length', value]), 0, null)).toBe(INVALID_CONTENT_LENGTH);
    }
  });

  it('copies every header into the sink only when given one', () => {
    const sink: IncomingHeaders = {};
    scan.inspect(headers(['host', 'a'], ['x-list', '1'], ['x-list', '2'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2']), 0, sink);
    expect(sink).toEqual({ host: 'a', 'x-list': '1, 2', 'set-cookie': ['a=1', 'b=2'] });
    // The next request, for a route that reads no headers, must not write into the previous sink.
    scan.inspect(headers(['x-later', 'b']), 0, null);
    expect(sink['x-later']).toBeUndefined();
  });

  it('copies only the named headers when given a list, merged as node merges them', () => {
    const sink: IncomingHeaders = {};
    const verdict = scan.inspect(
      headers(['host', 'a'], ['content-type', 'application/json'], ['x-list', '1'], ['x-list', '2'], ['x-empty', ''], ['content-length', '2']),
      0,
      sink,
      ['content-type', 'x-list', 'x-empty', 'content-length', 'x-absent'],
    );
    expect(verdict).toBe(ACCEPT);
    expect(sink).toEqual({ 'content-type': 'application/json', 'x-list': '1, 2', 'x-empty': '', 'content-length': '2' });
    // The scan's own checks still see every header.
    expect(scan.inspect(headers(['content-length', '3'], ['content-length', '5']), 0, {}, ['host'])).toBe(CONFLICTING_CONTENT_LENGTH);
  });

  it('has an error answer for every rejection, valid JSON padded past the uWS cork buffer', () => {
    for (const verdict of [HEADERS_TOO_LARGE, CONFLICTING_CONTENT_LENGTH, INVALID_CONTENT_LENGTH, LENGTH_WITH_TRANSFER_ENCODING, INVALID_TRANSFER_ENCODING, UNSUPPORTED_TRANSFER_CODING]) {
      const { status, paddedBody } = REJECTIONS[verdict];
      expect(JSON.parse(paddedBody).statusCode).toBe(status);
      expect(Buffer.byteLength(paddedBody)).toBeGreaterThan(UWS_CORK_BUFFER_BYTES);
    }
  });
});

describe('parseContentLength', () => {
  it('reads plain digits only', () => {
    expect(parseContentLength('0')).toBe(0);
    expect(parseContentLength('1048576')).toBe(1048576);
    expect(parseContentLength('12a')).toBe(-1);
  });
});

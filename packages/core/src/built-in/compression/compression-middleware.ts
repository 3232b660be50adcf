import { pipeline, type Readable } from 'node:stream';
import type { HttpRequest } from '../../wrap/http-request';
import type { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware, type HttpNext } from '../../wrap/middleware';
import { addVary } from '../shared/vary';
import { negotiateEncoding, type ContentCoding } from './accept-encoding';
import { isCompressibleType } from './compressible';
import type { CompressionOptions } from './compression-options';
import { Encoders, runtimeEncodings, type ZlibZstd } from './encoders';

const DEFAULT_ORDER: readonly ContentCoding[] = ['br', 'zstd', 'gzip'];
const NEEDS = { headers: ['accept-encoding'] };
const ignoreStreamEnd = (): void => undefined;

/**
 * Compresses responses for clients that accept it. Left as they are: HEAD answers, 1xx/204/304
 * and 206 (a byte range of the uncompressed body), bodies already encoded, `Cache-Control:
 * no-transform`, types that are compressed already, and complete bodies under the threshold
 * (unless the client refused `identity`). A compressed answer loses `Content-Length` (the size
 * changes) and `Accept-Ranges` (ranges would address the uncompressed bytes); a strong ETag
 * becomes weak, since the bytes are no longer those it named.
 *
 * @param zlibModule for tests of the runtime detection: a zlib with or without zstd.
 */
export function compressionMiddleware(options: CompressionOptions = {}, zlibModule?: ZlibZstd): HttpMiddleware {
  const available = runtimeEncodings(zlibModule);
  const preferred = (options.encodings ?? DEFAULT_ORDER).filter((encoding) => available.includes(encoding));
  const threshold = options.threshold ?? 1024;
  const encoders = new Encoders(
    { brotliQuality: options.brotliQuality ?? 4, gzipLevel: options.gzipLevel ?? 6, zstdLevel: options.zstdLevel ?? 3 },
    zlibModule,
  );
  const filter = options.filter;

  const compress = async (req: HttpRequest, response: HttpResponse): Promise<HttpResponse> => {
    const contentType = response.getHeader('content-type');
    if (!(filter === undefined ? isCompressibleType(contentType) : filter(contentType, req))) return response;
    addVary(response, 'Accept-Encoding');
    const { encoding, identityRefused } = negotiateEncoding(req.header('accept-encoding'), preferred);
    if (encoding === undefined) return response;
    const text = contentType !== undefined && isTextual(contentType);

    if (response.isStream) {
      const declared = Number(response.getHeader('content-length') ?? Number.NaN);
      if (declared < threshold && !identityRefused) return response;
      const encoder = encoders.createStream(encoding, text);
      // pipeline() ties both ends: the adapter destroying the encoder (client gone) destroys the
      // route's stream, and the route's stream failing fails the encoder (the adapter then closes).
      pipeline(response.body as Readable, encoder, ignoreStreamEnd);
      response.body = encoder;
      return encoded(response, encoding);
    }

    const body = response.body as string | Buffer;
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    if (bytes.length === 0 || (bytes.length < threshold && !identityRefused)) return response;
    let compressed: Buffer;
    try {
      const result = encoders.compress(encoding, bytes, text);
      compressed = result instanceof Promise ? await result : result;
    } catch {
      return response; // the uncompressed body is still a correct answer
    }
    if (compressed.length >= bytes.length && !identityRefused) return response;
    response.body = compressed;
    return encoded(response, encoding);
  };

  const compression = (req: HttpRequest, next: HttpNext): Promise<HttpResponse> =>
    next().then((response) => (req.method === 'HEAD' || !mayTransform(response) ? response : compress(req, response)));
  return defineMiddleware(compression, NEEDS);
}

/** Answers whose body may be re-encoded at all. */
function mayTransform(response: HttpResponse): boolean {
  const status = response.status;
  if (response.body === null || status < 200 || status === 204 || status === 206 || status === 304) return false;
  if (response.hasHeader('content-encoding') || response.hasHeader('content-range')) return false;
  const cacheControl = response.getHeader('cache-control');
  return cacheControl === undefined || !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(cacheControl);
}

function encoded(response: HttpResponse, encoding: ContentCoding): HttpResponse {
  response.header('content-encoding', encoding).removeHeader('content-length').removeHeader('accept-ranges');
  const etag = response.getHeader('etag');
  if (etag !== undefined && !etag.startsWith('W/')) response.header('etag', `W/${etag}`);
  return response;
}

function isTextual(contentType: string): boolean {
  const type = contentType.toLowerCase();
  return type.startsWith('text/') || type.includes('json') || type.includes('xml') || type.includes('javascript');
}

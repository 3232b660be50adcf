import type { HttpRequest } from '../../wrap/http-request';
import type { ContentCoding } from './accept-encoding';

export interface CompressionOptions {
  /**
   * Codings in the server's order of preference, for clients that accept several equally.
   * Default `['br', 'zstd', 'gzip']`; codings this runtime lacks (zstd before Node 22.15) are left out.
   */
  readonly encodings?: readonly ContentCoding[];
  /** Complete bodies smaller than this many bytes are sent as they are (default 1024). */
  readonly threshold?: number;
  /**
   * Brotli quality, 0-11 (default 4). Brotli's own default, 11, is for compressing once ahead of
   * time: on a response made per request it costs tens of times the CPU of quality 4, which still
   * compresses text better than gzip's default level.
   */
  readonly brotliQuality?: number;
  /** gzip level, 1-9 (default 6, zlib's). */
  readonly gzipLevel?: number;
  /** zstd level (default 3, zstd's). */
  readonly zstdLevel?: number;
  /**
   * Decides by Content-Type whether a response is worth compressing. Default: everything except
   * formats compressed already (images but SVG/BMP/icons, audio, video, archives, woff/woff2),
   * `application/octet-stream`, and responses without a Content-Type.
   */
  readonly filter?: (contentType: string | undefined, req: HttpRequest) => boolean;
}

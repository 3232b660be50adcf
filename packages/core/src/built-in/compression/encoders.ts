import type zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import type { ContentCoding } from './accept-encoding';

/** The parts of `node:zlib` zstd support adds (Node 22.15+/23.8+); absent from Node 20's zlib and its typings. */
export interface ZlibZstd {
  createZstdCompress?: (options?: object) => Transform;
  zstdCompress?: (buffer: Buffer, options: object, callback: (error: Error | null, result: Buffer) => void) => void;
  zstdCompressSync?: (buffer: Buffer, options: object) => Buffer;
  constants: Record<string, number>;
}

/** node:zlib, required on first use rather than at import (apps that compress nothing never load it). */
function nodeZlib(): ZlibZstd {
  return require('node:zlib') as ZlibZstd;
}

/** Codings this runtime's zlib can produce: brotli and gzip always, zstd when zlib has it. */
export function runtimeEncodings(z: ZlibZstd = nodeZlib()): ContentCoding[] {
  const encodings: ContentCoding[] = ['br', 'gzip'];
  const zstd = typeof z.createZstdCompress === 'function' && typeof z.zstdCompress === 'function' && typeof z.zstdCompressSync === 'function';
  if (zstd && z.constants.ZSTD_e_flush !== undefined) encodings.push('zstd');
  return encodings;
}

/** Complete bodies up to this size are compressed inline rather than on the thread pool. */
const SYNC_LIMIT = 32 * 1024;

export interface EncoderSettings {
  /** Brotli quality 0-11. */
  readonly brotliQuality: number;
  /** gzip level 1-9. */
  readonly gzipLevel: number;
  /** zstd level (1-22 usual). */
  readonly zstdLevel: number;
}

/**
 * Compresses bodies with node's zlib. Complete bodies are compressed in one call (large ones on
 * libuv's thread pool, off the event loop); streams get a zlib Transform that flushes after
 * every chunk it is given, so each chunk the route produces reaches the client as it is produced
 * (an SSE event is not held back waiting for the compressor's window to fill).
 */
export class Encoders {
  private readonly z: ZlibZstd & typeof zlib;
  private readonly c: Record<string, number>;

  constructor(
    private readonly settings: EncoderSettings,
    z: ZlibZstd = nodeZlib(),
  ) {
    this.z = z as ZlibZstd & typeof zlib;
    this.c = z.constants;
  }

  /**
   * Compresses a complete body. Up to SYNC_LIMIT bytes this runs inline: measured here, a trip to
   * the thread pool costs more than compressing a few KiB (1 KiB JSON: ~40 µs inline, ~200 µs
   * through the pool), while a larger body would hold the event loop too long.
   */
  compress(encoding: ContentCoding, body: Buffer, text: boolean): Buffer | Promise<Buffer> {
    const z = this.z;
    if (body.length <= SYNC_LIMIT) {
      if (encoding === 'br') return z.brotliCompressSync(body, this.brotliOptions(text, body.length, false));
      if (encoding === 'gzip') return z.gzipSync(body, { level: this.settings.gzipLevel });
      return (z.zstdCompressSync as NonNullable<ZlibZstd['zstdCompressSync']>)(body, this.zstdOptions(false));
    }
    return new Promise((resolve, reject) => {
      const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
      if (encoding === 'br') z.brotliCompress(body, this.brotliOptions(text, body.length, false), done);
      else if (encoding === 'gzip') z.gzip(body, { level: this.settings.gzipLevel }, done);
      else (z.zstdCompress as NonNullable<ZlibZstd['zstdCompress']>)(body, this.zstdOptions(false), done);
    });
  }

  createStream(encoding: ContentCoding, text: boolean): Transform {
    if (encoding === 'br') return this.z.createBrotliCompress(this.brotliOptions(text, 0, true));
    if (encoding === 'gzip') return this.z.createGzip({ level: this.settings.gzipLevel, flush: this.c.Z_SYNC_FLUSH });
    return (this.z.createZstdCompress as NonNullable<ZlibZstd['createZstdCompress']>)(this.zstdOptions(true));
  }

  private brotliOptions(text: boolean, sizeHint: number, streaming: boolean): zlib.BrotliOptions {
    const c = this.c;
    const params: Record<number, number> = {
      [c.BROTLI_PARAM_QUALITY]: this.settings.brotliQuality,
      [c.BROTLI_PARAM_MODE]: text ? c.BROTLI_MODE_TEXT : c.BROTLI_MODE_GENERIC,
    };
    if (sizeHint > 0) params[c.BROTLI_PARAM_SIZE_HINT] = sizeHint;
    return streaming ? { params, flush: c.BROTLI_OPERATION_FLUSH } : { params };
  }

  private zstdOptions(streaming: boolean): object {
    const c = this.c;
    const params = { [c.ZSTD_c_compressionLevel]: this.settings.zstdLevel };
    return streaming ? { params, flush: c.ZSTD_e_flush } : { params };
  }
}

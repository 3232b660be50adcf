import type { HttpMiddleware } from '../../wrap/middleware';
import { compressionMiddleware } from './compression-middleware';
import type { CompressionOptions } from './compression-options';

/** A compression middleware (brotli, zstd where the runtime has it, gzip), negotiated per request. */
export function compression(options: CompressionOptions = {}): HttpMiddleware {
  return compressionMiddleware(options);
}

export const Compression = {
  /** br > zstd (when available) > gzip, 1 KiB threshold, brotli quality 4. */
  default(): HttpMiddleware {
    return compressionMiddleware();
  },
};

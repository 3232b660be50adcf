export { Compression, compression } from './compression';
export type { CompressionOptions } from './compression-options';
export { negotiateEncoding, parseAcceptEncoding, type ContentCoding, type NegotiatedEncoding } from './accept-encoding';
export { isCompressibleType } from './compressible';
export { runtimeEncodings } from './encoders';

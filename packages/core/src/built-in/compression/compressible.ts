/**
 * Content types not worth compressing: formats that are compressed already (most images, audio,
 * video, archives, woff/woff2) and unknown bytes. SVG, BMP and icons are images that do compress.
 */
const COMPRESSIBLE_IMAGES = new Set(['image/svg+xml', 'image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon']);
const COMPRESSED_TYPES = new Set([
  'application/octet-stream',
  'application/zip',
  'application/gzip',
  'application/x-gzip',
  'application/x-bzip2',
  'application/x-xz',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/zstd',
  'application/x-brotli',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/pdf',
  'application/font-woff',
  'application/font-woff2',
  'font/woff',
  'font/woff2',
]);

/** True when a response of this Content-Type should be compressed. A response without one is left alone. */
export function isCompressibleType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const media = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (media === '' || COMPRESSED_TYPES.has(media) || media.endsWith('+zip')) return false;
  if (media.startsWith('image/')) return COMPRESSIBLE_IMAGES.has(media);
  return !media.startsWith('video/') && !media.startsWith('audio/');
}

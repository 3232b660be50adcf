/** A type recognised from a file's first bytes, named as the `file-type` package names it. */
export interface DetectedFileType {
  ext: string;
  mime: string;
}

type Signature = readonly (number | undefined)[]; // undefined: any byte

/** Types told apart by a fixed prefix, checked in order (longer, more specific prefixes first). */
const PREFIX_SIGNATURES: readonly { bytes: Signature; type: DetectedFileType; offset?: number }[] = [
  { bytes: [0xff, 0xd8, 0xff], type: { ext: 'jpg', mime: 'image/jpeg' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { ext: 'png', mime: 'image/png' } },
  { bytes: ascii('GIF8'), type: { ext: 'gif', mime: 'image/gif' } },
  { bytes: ascii('%PDF'), type: { ext: 'pdf', mime: 'application/pdf' } },
  { bytes: [0x1f, 0x8b, 0x08], type: { ext: 'gz', mime: 'application/gzip' } },
  { bytes: ascii('BZh'), type: { ext: 'bz2', mime: 'application/x-bzip2' } },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: { ext: '7z', mime: 'application/x-7z-compressed' } },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], type: { ext: 'rar', mime: 'application/x-rar-compressed' } },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], type: { ext: 'xz', mime: 'application/x-xz' } },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], type: { ext: 'zst', mime: 'application/zstd' } },
  { bytes: ascii('ustar'), offset: 257, type: { ext: 'tar', mime: 'application/x-tar' } },
  { bytes: ascii('fLaC'), type: { ext: 'flac', mime: 'audio/x-flac' } },
  { bytes: ascii('ID3'), type: { ext: 'mp3', mime: 'audio/mpeg' } },
  { bytes: ascii('MThd'), type: { ext: 'mid', mime: 'audio/midi' } },
  { bytes: [0x49, 0x49, 0x2a, 0x00], type: { ext: 'tif', mime: 'image/tiff' } },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], type: { ext: 'tif', mime: 'image/tiff' } },
  { bytes: [0x00, 0x00, 0x01, 0x00], type: { ext: 'ico', mime: 'image/x-icon' } },
  { bytes: [0x00, 0x00, 0x02, 0x00], type: { ext: 'cur', mime: 'image/x-icon' } },
  { bytes: ascii('8BPS'), type: { ext: 'psd', mime: 'image/vnd.adobe.photoshop' } },
  { bytes: ascii('wOFF'), type: { ext: 'woff', mime: 'font/woff' } },
  { bytes: ascii('wOF2'), type: { ext: 'woff2', mime: 'font/woff2' } },
  { bytes: ascii('OTTO'), type: { ext: 'otf', mime: 'font/otf' } },
  { bytes: [0x00, 0x01, 0x00, 0x00, 0x00], type: { ext: 'ttf', mime: 'font/ttf' } },
  { bytes: [0x00, 0x61, 0x73, 0x6d], type: { ext: 'wasm', mime: 'application/wasm' } },
  { bytes: ascii('SQLite format 3\0'), type: { ext: 'sqlite', mime: 'application/x-sqlite3' } },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], type: { ext: 'elf', mime: 'application/x-elf' } },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], type: { ext: 'cfb', mime: 'application/x-cfb' } },
  { bytes: ascii('{\\rtf'), type: { ext: 'rtf', mime: 'application/rtf' } },
  { bytes: ascii('<?xml '), type: { ext: 'xml', mime: 'application/xml' } },
  { bytes: ascii('MZ'), type: { ext: 'exe', mime: 'application/x-msdownload' } },
  { bytes: ascii('BM'), type: { ext: 'bmp', mime: 'image/bmp' } },
];

/** Files packed as ZIP, told apart by their first entries. */
const ZIP_ENTRY_PREFIXES: readonly [string, DetectedFileType][] = [
  ['word/', { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }],
  ['xl/', { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
  ['ppt/', { ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' }],
];
/** OpenDocument and EPUB name their type in a first, uncompressed `mimetype` entry. */
const ZIP_MIMETYPE_ENTRIES: Record<string, string> = {
  'application/epub+zip': 'epub',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};
const ZIP: DetectedFileType = { ext: 'zip', mime: 'application/zip' };
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/**
 * Recognises common file types by their magic bytes, the way NestJS 11's FileTypeValidator uses the
 * `file-type` package: images, documents, archives, audio, video and fonts. Text formats (plain text,
 * CSV, JSON) have no signature and give `undefined`.
 */
export function detectFileType(bytes: Uint8Array): DetectedFileType | undefined {
  if (matches(bytes, ZIP_LOCAL_HEADER)) return detectZipBased(bytes);
  if (matches(bytes, ascii('RIFF'))) return detectRiff(bytes);
  if (matches(bytes, ascii('ftyp'), 4)) return detectIsoMedia(bytes);
  if (matches(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return detectMatroska(bytes);
  if (matches(bytes, ascii('OggS'))) return detectOgg(bytes);
  for (const signature of PREFIX_SIGNATURES) {
    if (matches(bytes, signature.bytes, signature.offset)) return signature.type;
  }
  return detectMpegAudioFrame(bytes);
}

function detectRiff(bytes: Uint8Array): DetectedFileType | undefined {
  if (matches(bytes, ascii('WEBP'), 8)) return { ext: 'webp', mime: 'image/webp' };
  if (matches(bytes, ascii('WAVE'), 8)) return { ext: 'wav', mime: 'audio/wav' };
  if (matches(bytes, ascii('AVI '), 8)) return { ext: 'avi', mime: 'video/vnd.avi' };
  return undefined;
}

/** MP4 and its relatives (HEIC, AVIF, MOV, M4A, 3GP) share the `ftyp` box; its major brand decides. */
function detectIsoMedia(bytes: Uint8Array): DetectedFileType | undefined {
  if (bytes.length < 12 || (bytes[8]! & 0x60) === 0) return undefined;
  const brand = text(bytes, 8, 4).replace('\0', ' ').trim();
  switch (brand) {
    case 'avif':
    case 'avis':
      return { ext: 'avif', mime: 'image/avif' };
    case 'mif1':
      return { ext: 'heic', mime: 'image/heif' };
    case 'msf1':
      return { ext: 'heic', mime: 'image/heif-sequence' };
    case 'heic':
    case 'heix':
      return { ext: 'heic', mime: 'image/heic' };
    case 'hevc':
    case 'hevx':
      return { ext: 'heic', mime: 'image/heic-sequence' };
    case 'qt':
      return { ext: 'mov', mime: 'video/quicktime' };
    case 'M4V':
    case 'M4VH':
    case 'M4VP':
      return { ext: 'm4v', mime: 'video/x-m4v' };
    case 'M4A':
      return { ext: 'm4a', mime: 'audio/x-m4a' };
    case 'M4B':
      return { ext: 'm4b', mime: 'audio/mp4' };
    default:
      if (brand.startsWith('3g2')) return { ext: '3g2', mime: 'video/3gpp2' };
      if (brand.startsWith('3g')) return { ext: '3gp', mime: 'video/3gpp' };
      return { ext: 'mp4', mime: 'video/mp4' };
  }
}

/** WebM is Matroska with a 'webm' DocType near the start of the EBML header. */
function detectMatroska(bytes: Uint8Array): DetectedFileType {
  const header = text(bytes, 0, Math.min(bytes.length, 64));
  return header.includes('webm') ? { ext: 'webm', mime: 'video/webm' } : { ext: 'mkv', mime: 'video/x-matroska' };
}

function detectOgg(bytes: Uint8Array): DetectedFileType {
  if (matches(bytes, ascii('OpusHead'), 28)) return { ext: 'opus', mime: 'audio/opus' };
  if (matches(bytes, ascii('\x80theora'), 28) || matches(bytes, ascii('\x01video\0'), 28)) {
    return { ext: 'ogv', mime: 'video/ogg' };
  }
  return { ext: 'ogg', mime: 'audio/ogg' };
}

/** Walks the first local file headers; stops where an entry's size is only known after its data. */
function detectZipBased(bytes: Uint8Array): DetectedFileType {
  let offset = 0;
  for (let entry = 0; entry < 32 && offset + 30 <= bytes.length && matches(bytes, ZIP_LOCAL_HEADER, offset); entry++) {
    const flags = uint16(bytes, offset + 6);
    const compressedSize = uint32(bytes, offset + 18);
    const nameLength = uint16(bytes, offset + 26);
    const extraLength = uint16(bytes, offset + 28);
    const name = text(bytes, offset + 30, nameLength);
    const dataStart = offset + 30 + nameLength + extraLength;

    if (name === 'mimetype') {
      const mime = text(bytes, dataStart, Math.min(compressedSize, 128)).trim();
      const ext = ZIP_MIMETYPE_ENTRIES[mime];
      if (ext) return { ext, mime };
    }
    for (const [prefix, type] of ZIP_ENTRY_PREFIXES) {
      if (name.startsWith(prefix)) return type;
    }
    const sizeFollowsData = (flags & 0x08) !== 0 && compressedSize === 0;
    if (sizeFollowsData) break;
    offset = dataStart + compressedSize;
  }
  return ZIP;
}

/** MPEG audio (MP1/2/3) and ADTS AAC frames start with an 11-bit sync word. */
function detectMpegAudioFrame(bytes: Uint8Array): DetectedFileType | undefined {
  if (bytes.length < 2 || bytes[0] !== 0xff || (bytes[1]! & 0xe0) !== 0xe0) return undefined;
  if ((bytes[1]! & 0xf6) === 0xf0) return { ext: 'aac', mime: 'audio/aac' };
  const layer = bytes[1]! & 0x06;
  if (layer === 0x02) return { ext: 'mp3', mime: 'audio/mpeg' };
  if (layer === 0x04) return { ext: 'mp2', mime: 'audio/mpeg' };
  if (layer === 0x06) return { ext: 'mp1', mime: 'audio/mpeg' };
  return undefined;
}

function matches(bytes: Uint8Array, signature: Signature, offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => byte === undefined || bytes[offset + index] === byte);
}

function ascii(value: string): number[] {
  return Array.from(value, (char) => char.charCodeAt(0));
}

/** Latin-1 text of `length` bytes at `offset`, cut short at the end of the buffer. */
function text(bytes: Uint8Array, offset: number, length: number): string {
  return Buffer.from(bytes.subarray(offset, offset + length)).toString('latin1');
}

function uint16(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

function uint32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)) + bytes[offset + 3]! * 0x1000000;
}

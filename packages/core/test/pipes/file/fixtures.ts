import type { UploadedFileInfo } from '../../../src/uploads/uploaded-file';

/** The first bytes of real files of each type: what magic-number detection reads. */
export const bytes = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
  wav: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt ')]),
  pdf: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  mp4: isoMedia('isom'),
  mov: isoMedia('qt  '),
  heic: isoMedia('heic'),
  avif: isoMedia('avif'),
  webm: Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm')]),
  mp3: Buffer.concat([Buffer.from('ID3'), Buffer.from([0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00])]),
  mp3Frame: Buffer.from([0xff, 0xfb, 0x90, 0x64, 0x00]),
  gzip: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00])]),
  zip: zipWith('notes.txt', 'hello'),
  docx: zipWith('[Content_Types].xml', '<Types/>', 'word/document.xml', '<w:document/>'),
  xlsx: zipWith('[Content_Types].xml', '<Types/>', 'xl/workbook.xml', '<workbook/>'),
  odt: zipWith('mimetype', 'application/vnd.oasis.opendocument.text', 'content.xml', '<office/>'),
  csv: Buffer.from('name,age\nAda,36\n'),
  text: Buffer.from('hi'),
};

/** A file as the upload layer hands it over (memory storage unless `buffer` is undefined). */
export function uploadedFile(overrides: Partial<UploadedFileInfo> = {}): UploadedFileInfo {
  const buffer = 'buffer' in overrides ? overrides.buffer : bytes.png;
  return {
    fieldname: 'file',
    originalname: 'picture.png',
    encoding: '7bit',
    mimetype: 'image/png',
    size: buffer?.length ?? 1024,
    buffer,
    ...overrides,
  };
}

/** An ISO base media file (MP4 family) starting with an `ftyp` box of the given major brand. */
function isoMedia(brand: string): Buffer {
  return Buffer.concat([Buffer.from([0x00, 0x00, 0x00, 0x18]), Buffer.from(`ftyp${brand}`), Buffer.alloc(12)]);
}

/** A ZIP archive's local file headers, entries stored uncompressed: name, content, name, content... */
function zipWith(...namesAndContents: string[]): Buffer {
  const parts: Buffer[] = [];
  for (let index = 0; index < namesAndContents.length; index += 2) {
    const name = Buffer.from(namesAndContents[index]!);
    const content = Buffer.from(namesAndContents[index + 1]!);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(content.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, content);
  }
  return Buffer.concat(parts);
}

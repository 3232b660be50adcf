import { detectFileType } from '../../../src/pipes';
import { bytes } from './fixtures';

describe('detectFileType (magic bytes)', () => {
  it.each([
    ['png', bytes.png, 'image/png'],
    ['jpeg', bytes.jpeg, 'image/jpeg'],
    ['gif', bytes.gif, 'image/gif'],
    ['webp', bytes.webp, 'image/webp'],
    ['wav', bytes.wav, 'audio/wav'],
    ['pdf', bytes.pdf, 'application/pdf'],
    ['mp4', bytes.mp4, 'video/mp4'],
    ['mov', bytes.mov, 'video/quicktime'],
    ['heic', bytes.heic, 'image/heic'],
    ['avif', bytes.avif, 'image/avif'],
    ['webm', bytes.webm, 'video/webm'],
    ['mp3 with ID3 tag', bytes.mp3, 'audio/mpeg'],
    ['mp3 frame', bytes.mp3Frame, 'audio/mpeg'],
    ['gzip', bytes.gzip, 'application/gzip'],
    ['exe', bytes.exe, 'application/x-msdownload'],
    ['zip', bytes.zip, 'application/zip'],
    ['docx', bytes.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', bytes.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['odt', bytes.odt, 'application/vnd.oasis.opendocument.text'],
  ])('recognises %s', (_name, buffer, mime) => {
    expect(detectFileType(buffer)?.mime).toBe(mime);
  });

  it('recognises nothing in text, in an empty buffer, or in a truncated signature', () => {
    expect(detectFileType(bytes.csv)).toBeUndefined();
    expect(detectFileType(bytes.text)).toBeUndefined();
    expect(detectFileType(Buffer.alloc(0))).toBeUndefined();
    expect(detectFileType(bytes.png.subarray(0, 4))).toBeUndefined();
  });

  it('reads a Uint8Array as well as a Buffer', () => {
    expect(detectFileType(new Uint8Array(bytes.jpeg))?.ext).toBe('jpg');
  });
});

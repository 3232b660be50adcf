import { FileTypeValidator } from '../../../src/pipes';
import { bytes, uploadedFile } from './fixtures';

describe('FileTypeValidator', () => {
  it('accepts a file whose bytes match fileType (a MIME type, part of one, or a RegExp)', async () => {
    const png = uploadedFile({ mimetype: 'image/png', buffer: bytes.png });
    expect(await new FileTypeValidator({ fileType: 'image/png' }).isValid(png)).toBe(true);
    expect(await new FileTypeValidator({ fileType: 'png' }).isValid(png)).toBe(true);
    expect(await new FileTypeValidator({ fileType: /^image\/(png|jpeg)$/ }).isValid(png)).toBe(true);
    const pdf = uploadedFile({ mimetype: 'application/pdf', buffer: bytes.pdf });
    expect(await new FileTypeValidator({ fileType: 'application/pdf' }).isValid(pdf)).toBe(true);
  });

  it('rejects a file whose bytes contradict its declared mimetype', async () => {
    const disguisedPng = uploadedFile({ mimetype: 'image/jpeg', buffer: bytes.png });
    expect(await new FileTypeValidator({ fileType: 'image/jpeg' }).isValid(disguisedPng)).toBe(false);
    const disguisedExe = uploadedFile({ originalname: 'cat.png', mimetype: 'image/png', buffer: bytes.exe });
    expect(await new FileTypeValidator({ fileType: /^image\// }).isValid(disguisedExe)).toBe(false);
  });

  it('rejects a real file of another type', async () => {
    const pdf = uploadedFile({ mimetype: 'application/pdf', buffer: bytes.pdf });
    expect(await new FileTypeValidator({ fileType: /^image\// }).isValid(pdf)).toBe(false);
  });

  it('rejects unrecognisable content (text, CSV, empty) and a missing buffer', async () => {
    const validator = new FileTypeValidator({ fileType: 'text/csv' });
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/csv', buffer: bytes.csv }))).toBe(false);
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/csv', buffer: Buffer.alloc(0) }))).toBe(false);
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/csv', buffer: undefined, path: '/tmp/upload' }))).toBe(false);
    expect(await validator.isValid(undefined)).toBe(false);
  });

  it('with fallbackToMimetype, compares the declared mimetype when the content says nothing', async () => {
    const validator = new FileTypeValidator({ fileType: 'text/csv', fallbackToMimetype: true });
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/csv', buffer: bytes.csv }))).toBe(true);
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/csv', buffer: undefined }))).toBe(true);
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/plain', buffer: bytes.csv }))).toBe(false);
    // Recognised content still decides: a PNG declared as text/csv is not accepted as CSV.
    expect(await validator.isValid(uploadedFile({ mimetype: 'text/csv', buffer: bytes.png }))).toBe(false);
  });

  it('with skipMagicNumbersValidation, compares only the declared mimetype', async () => {
    const validator = new FileTypeValidator({ fileType: 'image/png', skipMagicNumbersValidation: true });
    expect(await validator.isValid(uploadedFile({ mimetype: 'image/png', buffer: bytes.exe }))).toBe(true);
    expect(await validator.isValid(uploadedFile({ mimetype: 'image/gif', buffer: bytes.png }))).toBe(false);
    expect(await validator.isValid(undefined)).toBe(false);
  });

  it('matches a MIME type containing RegExp characters exactly', async () => {
    const validator = new FileTypeValidator({ fileType: 'image/svg+xml', skipMagicNumbersValidation: true });
    expect(await validator.isValid(uploadedFile({ mimetype: 'image/svg+xml' }))).toBe(true);
  });

  it('explains the failure with the declared and the expected type', () => {
    const validator = new FileTypeValidator({ fileType: /^image\// });
    expect(validator.buildErrorMessage(uploadedFile({ mimetype: 'application/pdf' }))).toBe(
      'Validation failed (current file type is application/pdf, expected type is /^image\\//)',
    );
    expect(validator.buildErrorMessage(undefined)).toBe('Validation failed (expected type is /^image\\//)');
    expect(new FileTypeValidator({ fileType: 'text/csv', fallbackToMimetype: true }).buildErrorMessage(uploadedFile({ mimetype: 'text/plain' }))).toBe(
      'Validation failed (current file type is text/plain, expected type is text/csv) - magic number detection failed, used mimetype fallback',
    );
  });

  it('uses errorMessage, given as text or built from the file and options', () => {
    expect(new FileTypeValidator({ fileType: 'png', errorMessage: 'PNG only' }).buildErrorMessage(uploadedFile())).toBe('PNG only');
    const dynamic = new FileTypeValidator({
      fileType: 'image/png',
      errorMessage: ({ file, config }) => `got ${file?.mimetype}, want ${String(config.fileType)}`,
    });
    expect(dynamic.buildErrorMessage(uploadedFile({ mimetype: 'text/csv' }))).toBe('got text/csv, want image/png');
  });
});

import { MaxFileSizeValidator } from '../../../src/pipes';
import { uploadedFile } from './fixtures';

describe('MaxFileSizeValidator', () => {
  const validator = new MaxFileSizeValidator({ maxSize: 1024 });

  it('accepts files strictly smaller than maxSize', () => {
    expect(validator.isValid(uploadedFile({ size: 1023 }))).toBe(true);
    expect(validator.isValid(uploadedFile({ size: 1024 }))).toBe(false);
    expect(validator.isValid(uploadedFile({ size: 5000 }))).toBe(false);
  });

  it('leaves a missing file to ParseFilePipe', () => {
    expect(validator.isValid(undefined)).toBe(true);
  });

  it('explains the failure with the current and the expected size', () => {
    expect(validator.buildErrorMessage(uploadedFile({ size: 5000 }))).toBe(
      'Validation failed (current file size is 5000, expected size is less than 1024)',
    );
    expect(validator.buildErrorMessage(undefined)).toBe('Validation failed (expected size is less than 1024)');
  });

  it('uses errorMessage, given as text or built from the file and options', () => {
    expect(new MaxFileSizeValidator({ maxSize: 10, errorMessage: 'Too big' }).buildErrorMessage(uploadedFile({ size: 20 }))).toBe('Too big');
    const dynamic = new MaxFileSizeValidator({
      maxSize: 10,
      errorMessage: ({ file, config }) => `${file?.size} bytes, limit ${config.maxSize}`,
    });
    expect(dynamic.buildErrorMessage(uploadedFile({ size: 20 }))).toBe('20 bytes, limit 10');
  });

  it('still honours the deprecated message option', () => {
    expect(new MaxFileSizeValidator({ maxSize: 10, message: 'Nope' }).buildErrorMessage(uploadedFile())).toBe('Nope');
    expect(new MaxFileSizeValidator({ maxSize: 10, message: (max) => `max ${max}` }).buildErrorMessage(uploadedFile())).toBe('max 10');
  });
});

import { HttpStatus } from '../../../src/exceptions';
import { FileTypeValidator, FileValidator, MaxFileSizeValidator, ParseFilePipe, type IFile } from '../../../src/pipes';
import type { UploadedFileInfo } from '../../../src/uploads/uploaded-file';
import { badRequest, caught, httpErrorOf } from '../caught';
import { bytes, uploadedFile } from './fixtures';

const png = uploadedFile({ originalname: 'a.png', mimetype: 'image/png', buffer: bytes.png });
const jpeg = uploadedFile({ originalname: 'b.jpg', mimetype: 'image/jpeg', buffer: bytes.jpeg });
const pdf = uploadedFile({ originalname: 'c.pdf', mimetype: 'application/pdf', buffer: bytes.pdf });
const disguisedExe = uploadedFile({ originalname: 'd.png', mimetype: 'image/png', buffer: bytes.exe });

function imagesUnder(maxSize: number): ParseFilePipe {
  return new ParseFilePipe({
    validators: [new MaxFileSizeValidator({ maxSize }), new FileTypeValidator({ fileType: /^image\// })],
  });
}

/** A custom validator: async, reading a field the built-in ones do not. */
class OriginalNameValidator extends FileValidator<{ pattern: RegExp }, IFile & { originalname: string }> {
  async isValid(file?: IFile & { originalname: string }): Promise<boolean> {
    return !!file && this.validationOptions.pattern.test(file.originalname);
  }

  buildErrorMessage(file: UploadedFileInfo): string {
    return `${file.originalname} does not match ${this.validationOptions.pattern}`;
  }
}

describe('ParseFilePipe', () => {
  it('returns a valid file unchanged', async () => {
    await expect(imagesUnder(1000).transform(png)).resolves.toBe(png);
  });

  it('rejects with the message of the first validator that fails', async () => {
    expect(await httpErrorOf(imagesUnder(1000).transform(pdf))).toEqual(
      badRequest('Validation failed (current file type is application/pdf, expected type is /^image\\//)'),
    );
    expect(await httpErrorOf(imagesUnder(4).transform(pdf))).toEqual(
      badRequest(`Validation failed (current file size is ${pdf.size}, expected size is less than 4)`),
    );
  });

  it('rejects a file whose content is not what its mimetype claims', async () => {
    expect(await httpErrorOf(imagesUnder(1000).transform(disguisedExe))).toEqual(
      badRequest('Validation failed (current file type is image/png, expected type is /^image\\//)'),
    );
  });

  it('validates every file of an array', async () => {
    const files = [png, jpeg];
    await expect(imagesUnder(1000).transform(files)).resolves.toBe(files);
    expect(await httpErrorOf(imagesUnder(1000).transform([png, pdf]))).toEqual(
      badRequest('Validation failed (current file type is application/pdf, expected type is /^image\\//)'),
    );
  });

  it('validates every file of a record of field name → files', async () => {
    const fields = { avatar: [png], gallery: [jpeg, png] };
    await expect(imagesUnder(1000).transform(fields)).resolves.toBe(fields);
    expect(await httpErrorOf(imagesUnder(1000).transform({ avatar: [png], gallery: [jpeg, disguisedExe] }))).toEqual(
      badRequest('Validation failed (current file type is image/png, expected type is /^image\\//)'),
    );
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty array', []],
    ['an empty record', {}],
    ['a record of empty arrays', { avatar: [] }],
  ])('answers "File is required" for %s', async (_name, value) => {
    expect(await httpErrorOf(imagesUnder(1000).transform(value))).toEqual(badRequest('File is required'));
  });

  it('with fileIsRequired false, lets a missing file through without running the validators', async () => {
    const validator = new OriginalNameValidator({ pattern: /x/ });
    const isValid = jest.spyOn(validator, 'isValid');
    const pipe = new ParseFilePipe({ validators: [validator], fileIsRequired: false });
    await expect(pipe.transform(undefined)).resolves.toBeUndefined();
    expect(isValid).not.toHaveBeenCalled();
  });

  it('without validators, accepts any file', async () => {
    await expect(new ParseFilePipe().transform(disguisedExe)).resolves.toBe(disguisedExe);
  });

  it('runs custom validators, awaiting them', async () => {
    const pipe = new ParseFilePipe({ validators: [new OriginalNameValidator({ pattern: /\.png$/ })] });
    await expect(pipe.transform(png)).resolves.toBe(png);
    expect(await httpErrorOf(pipe.transform(jpeg))).toEqual(badRequest('b.jpg does not match /\\.png$/'));
  });

  it('answers with errorHttpStatusCode and throws what exceptionFactory builds', async () => {
    const pipe422 = new ParseFilePipe({ errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY });
    expect(await httpErrorOf(pipe422.transform(undefined))).toEqual({
      status: 422,
      body: { message: 'File is required', error: 'Unprocessable Entity', statusCode: 422 },
    });
    const custom = new ParseFilePipe({ validators: [new MaxFileSizeValidator({ maxSize: 1 })], exceptionFactory: (error) => `custom: ${error}` });
    expect(await caught(custom.transform(png))).toBe(`custom: Validation failed (current file size is ${png.size}, expected size is less than 1)`);
  });

  it('lists its validators', () => {
    const validators = [new MaxFileSizeValidator({ maxSize: 1 })];
    expect(new ParseFilePipe({ validators }).getValidators()).toEqual(validators);
  });
});

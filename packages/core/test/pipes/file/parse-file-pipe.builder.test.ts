import { HttpStatus } from '../../../src/exceptions';
import { FileTypeValidator, MaxFileSizeValidator, ParseFilePipe, ParseFilePipeBuilder } from '../../../src/pipes';
import { httpErrorOf } from '../caught';
import { bytes, uploadedFile } from './fixtures';

describe('ParseFilePipeBuilder', () => {
  it('builds a ParseFilePipe with the validators added, in order', () => {
    const custom = new MaxFileSizeValidator({ maxSize: 5 });
    const pipe = new ParseFilePipeBuilder()
      .addFileTypeValidator({ fileType: 'png' })
      .addMaxSizeValidator({ maxSize: 1000 })
      .addValidator(custom)
      .build();
    expect(pipe).toBeInstanceOf(ParseFilePipe);
    const [type, size, last] = pipe.getValidators();
    expect(type).toEqual(new FileTypeValidator({ fileType: 'png' }));
    expect(size).toEqual(new MaxFileSizeValidator({ maxSize: 1000 }));
    expect(last).toBe(custom);
  });

  it('passes the other options to the pipe', async () => {
    const pipe = new ParseFilePipeBuilder()
      .addFileTypeValidator({ fileType: 'png' })
      .build({ errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY });
    expect(await httpErrorOf(pipe.transform(uploadedFile({ mimetype: 'image/png', buffer: bytes.jpeg })))).toEqual({
      status: 422,
      body: { message: 'Validation failed (current file type is image/png, expected type is png)', error: 'Unprocessable Entity', statusCode: 422 },
    });
    const optional = new ParseFilePipeBuilder().addMaxSizeValidator({ maxSize: 10 }).build({ fileIsRequired: false });
    await expect(optional.transform(undefined)).resolves.toBeUndefined();
  });

  it('starts afresh after build', () => {
    const builder = new ParseFilePipeBuilder().addMaxSizeValidator({ maxSize: 10 });
    expect(builder.build().getValidators()).toHaveLength(1);
    expect(builder.build().getValidators()).toHaveLength(0);
  });
});

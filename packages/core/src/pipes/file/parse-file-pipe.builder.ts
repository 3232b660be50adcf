import { FileTypeValidator, type FileTypeValidatorOptions } from './file-type.validator';
import type { FileValidator } from './file-validator';
import { MaxFileSizeValidator, type MaxFileSizeValidatorOptions } from './max-file-size.validator';
import type { ParseFileOptions } from './parse-file-options';
import { ParseFilePipe } from './parse-file.pipe';

/**
 * Fluent construction of a ParseFilePipe:
 * `new ParseFilePipeBuilder().addFileTypeValidator({ fileType: 'png' }).build({ errorHttpStatusCode: 422 })`.
 * `build` hands its validators to the pipe and starts the builder afresh.
 */
export class ParseFilePipeBuilder {
  private validators: FileValidator[] = [];

  addMaxSizeValidator(options: MaxFileSizeValidatorOptions): this {
    return this.addValidator(new MaxFileSizeValidator(options));
  }

  addFileTypeValidator(options: FileTypeValidatorOptions): this {
    return this.addValidator(new FileTypeValidator(options));
  }

  addValidator(validator: FileValidator): this {
    this.validators.push(validator);
    return this;
  }

  build(additionalOptions?: Omit<ParseFileOptions, 'validators'>): ParseFilePipe {
    const pipe = new ParseFilePipe({ ...additionalOptions, validators: this.validators });
    this.validators = [];
    return pipe;
  }
}

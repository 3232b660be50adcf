import { Injectable } from '../../di/decorators/injectable.decorator';
import { Optional } from '../../di/decorators/optional.decorator';
import type { PipeTransform } from '../../enhancers/interfaces';
import { defaultExceptionFactory } from '../http-error-by-code';
import type { FileValidator } from './file-validator';
import type { ParseFileOptions } from './parse-file-options';

/**
 * Validates what `@UploadedFile()`/`@UploadedFiles()` give: one file, an array of files, or a record
 * of field name → files (from file-fields interceptors). Every file goes through every validator;
 * the value is returned unchanged.
 */
@Injectable()
export class ParseFilePipe implements PipeTransform<any> {
  protected exceptionFactory: (error: string) => any;
  private readonly validators: FileValidator[];
  private readonly fileIsRequired: boolean;

  constructor(@Optional() options: ParseFileOptions = {}) {
    this.exceptionFactory = options.exceptionFactory ?? defaultExceptionFactory(options.errorHttpStatusCode);
    this.validators = options.validators ?? [];
    this.fileIsRequired = options.fileIsRequired ?? true;
  }

  async transform(value: any): Promise<any> {
    const files = filesIn(value);
    if (files.length === 0) {
      if (this.fileIsRequired) throw this.exceptionFactory('File is required');
      return value;
    }
    if (this.validators.length) await Promise.all(files.map((file) => this.validate(file)));
    return value;
  }

  protected async validate(file: any): Promise<any> {
    for (const validator of this.validators) await this.validateOrThrow(file, validator);
    return file;
  }

  private async validateOrThrow(file: any, validator: FileValidator): Promise<void> {
    if (!(await validator.isValid(file))) throw this.exceptionFactory(validator.buildErrorMessage(file));
  }

  /** The validators this pipe runs. */
  getValidators(): FileValidator[] {
    return this.validators;
  }
}

/**
 * The files in a parameter value. A record counts as one when every value is an array (what a
 * file-fields interceptor produces); any other object is a single file.
 */
function filesIn(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object') return [value];
  const fields = Object.values(value);
  if (fields.length === 0) return [];
  if (fields.every(Array.isArray)) return fields.flat();
  return [value];
}

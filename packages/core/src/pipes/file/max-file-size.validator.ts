import { FileValidator, type FileValidatorContext, type IFile } from './file-validator';

export interface MaxFileSizeValidatorOptions {
  /** Largest accepted size in bytes, exclusive: a file must be strictly smaller. */
  maxSize: number;
  /** @deprecated Use `errorMessage` (NestJS 11). */
  message?: string | ((maxSize: number) => string);
  /** Replaces the default message; a function receives the file and the options. */
  errorMessage?: string | ((context: FileValidatorContext<Omit<MaxFileSizeValidatorOptions, 'errorMessage' | 'message'>>) => string);
}

/** Rejects files of `maxSize` bytes or more. */
export class MaxFileSizeValidator extends FileValidator<MaxFileSizeValidatorOptions, IFile> {
  buildErrorMessage(file?: IFile): string {
    const { errorMessage, message, ...config } = this.validationOptions;
    if (errorMessage) return typeof errorMessage === 'function' ? errorMessage({ file, config }) : errorMessage;
    if (message) return typeof message === 'function' ? message(this.validationOptions.maxSize) : message;
    if (file?.size) {
      return `Validation failed (current file size is ${file.size}, expected size is less than ${this.validationOptions.maxSize})`;
    }
    return `Validation failed (expected size is less than ${this.validationOptions.maxSize})`;
  }

  isValid(file?: IFile): boolean {
    if (!this.validationOptions || !file) return true;
    return 'size' in file && file.size < this.validationOptions.maxSize;
  }
}

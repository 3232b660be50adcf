import { detectFileType } from './detect-file-type';
import { FileValidator, type FileValidatorContext, type IFile } from './file-validator';

export interface FileTypeValidatorOptions {
  /** A MIME type or part of one ('image/png', 'png'), or a RegExp (/^image\/(png|jpeg)$/). */
  fileType: string | RegExp;
  /** Replaces the default message; a function receives the file and the options. */
  errorMessage?: string | ((context: FileValidatorContext<Omit<FileTypeValidatorOptions, 'errorMessage'>>) => string);
  /** Only compare the client-declared mimetype; do not read the file's bytes. */
  skipMagicNumbersValidation?: boolean;
  /** When the bytes are unrecognisable (or absent), compare the client-declared mimetype instead of failing. */
  fallbackToMimetype?: boolean;
}

/**
 * Checks a file's type by its content, as NestJS 11 does: the type recognised from the buffer's
 * magic bytes must match `fileType`, so a renamed 'malware.exe' sent as image/png is rejected. Files
 * without a buffer (disk storage) or with an unrecognisable one (text, CSV) fail unless
 * `fallbackToMimetype` or `skipMagicNumbersValidation` is set.
 */
export class FileTypeValidator extends FileValidator<FileTypeValidatorOptions, IFile> {
  buildErrorMessage(file?: IFile): string {
    const { errorMessage, ...config } = this.validationOptions;
    if (errorMessage) return typeof errorMessage === 'function' ? errorMessage({ file, config }) : errorMessage;
    const expected = this.validationOptions.fileType;
    if (!file?.mimetype) return `Validation failed (expected type is ${expected})`;
    const message = `Validation failed (current file type is ${file.mimetype}, expected type is ${expected})`;
    return this.validationOptions.fallbackToMimetype
      ? `${message} - magic number detection failed, used mimetype fallback`
      : message;
  }

  async isValid(file?: IFile): Promise<boolean> {
    if (!this.validationOptions) return true;
    const hasMimetype = !!file && 'mimetype' in file;
    if (this.validationOptions.skipMagicNumbersValidation) return hasMimetype && this.matchesFileType(file!.mimetype);
    if (!hasMimetype) return false;

    const detected = file!.buffer ? detectFileType(file!.buffer) : undefined;
    if (detected) return this.matchesFileType(detected.mime);
    return !!this.validationOptions.fallbackToMimetype && this.matchesFileType(file!.mimetype);
  }

  /**
   * NestJS matches with `String#match`, which reads a string as a RegExp; an exact comparison comes
   * first so that types containing RegExp characters ('image/svg+xml') still match themselves.
   */
  private matchesFileType(mimetype: string): boolean {
    const { fileType } = this.validationOptions;
    if (typeof fileType === 'string' && mimetype === fileType) return true;
    return !!mimetype.match(fileType);
  }
}

/** The fields of an uploaded file the built-in validators read (NestJS's `IFile`). */
export interface IFile {
  mimetype: string;
  size: number;
  /** Present with memory storage; FileTypeValidator reads its magic bytes. */
  buffer?: Buffer;
}

/** What a validator's `errorMessage` function is given. */
export interface FileValidatorContext<TConfig> {
  file?: IFile;
  config: TConfig;
}

/**
 * Base of the validators given to ParseFilePipe: `isValid` decides, `buildErrorMessage` explains.
 * ParseFilePipe calls both once per file.
 */
export abstract class FileValidator<TValidationOptions = Record<string, any>, TFile extends IFile = IFile> {
  constructor(protected readonly validationOptions: TValidationOptions) {}

  /** Whether `file` is acceptable according to the options given to the constructor. */
  abstract isValid(file?: TFile | TFile[] | Record<string, TFile[]>): boolean | Promise<boolean>;

  /** The message of the exception thrown when `isValid` said no. */
  abstract buildErrorMessage(file: any): string;
}

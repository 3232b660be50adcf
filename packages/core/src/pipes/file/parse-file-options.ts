import type { ErrorHttpStatusCode } from '../http-error-by-code';
import type { FileValidator } from './file-validator';

export interface ParseFileOptions {
  /** Run in order on each file; the first that fails decides the error. */
  validators?: FileValidator[];
  errorHttpStatusCode?: ErrorHttpStatusCode;
  exceptionFactory?: (error: string) => any;
  /** Whether a missing file is an error ('File is required'). Default true. */
  fileIsRequired?: boolean;
}

import { defaultExceptionFactory, type ErrorHttpStatusCode } from './http-error-by-code';

/** The options NestJS's `Parse*Pipe`s share. */
export interface ParsePipeOptions {
  /** Status of the exception thrown when the value is invalid (default 400). */
  errorHttpStatusCode?: ErrorHttpStatusCode;
  /** Builds what is thrown instead, from the error message. */
  exceptionFactory?: (error: string) => any;
  /** If true, `null` and `undefined` pass through unchanged instead of failing. */
  optional?: boolean;
}

export function exceptionFactoryOf(options: ParsePipeOptions | undefined): (error: string) => any {
  return options?.exceptionFactory ?? defaultExceptionFactory(options?.errorHttpStatusCode);
}

export function isNil(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/**
 * A failure the user can act on: what went wrong, and what to do about it. The entry point prints
 * it without a stack trace and exits with `exitCode`; any other error is a bug and keeps its stack.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

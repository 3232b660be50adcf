/** A schema that cannot be compiled. Thrown at boot, naming the route and the schema's part. */
export class SchemaCompileError extends Error {
  constructor(
    /** e.g. `POST /cats (CatsController#create)`. */
    readonly route: string,
    /** e.g. `body`, `response 201`. */
    readonly part: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot compile the ${part} schema of ${route}: ${reason}${hintFor(reason)}`, { cause });
    this.name = 'SchemaCompileError';
  }
}

function hintFor(reason: string): string {
  const unknownFormat = /unknown format "([^"]+)"/.exec(reason);
  return unknownFormat === null
    ? ''
    : `. Register it before the application starts: registerSchemaFormat('${unknownFormat[1]}', /^...$/ or (value) => boolean)`;
}

/**
 * A handler returned a value its response schema does not describe. Deliberately not an
 * HttpException: the client gets a plain 500 while the log names the route and every failing path.
 */
export class ResponseSchemaMismatchError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    /** One entry per failing path, e.g. `response.id must be an integer`. */
    readonly failures: readonly string[],
  ) {
    super(`${route} returned a ${status} response that does not match its schema: ${failures.join('; ')}`);
    this.name = 'ResponseSchemaMismatchError';
  }
}

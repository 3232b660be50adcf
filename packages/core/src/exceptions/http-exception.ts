export interface HttpExceptionOptions {
  /** The underlying error, kept for logging; never sent to the client. */
  cause?: unknown;
  /** Replaces the default `error` text of the body (e.g. 'Bad Request'). */
  description?: string;
}

/** The body every Armature error response has, as NestJS sends it. */
export interface ErrorBody {
  statusCode: number;
  message: unknown;
  error?: string;
  [key: string]: unknown;
}

/**
 * Base of every HTTP error, with NestJS's constructor and body rules:
 * `new HttpException('Forbidden', 403)` → `{ statusCode: 403, message: 'Forbidden' }`;
 * `new HttpException({ any: 'object' }, 400)` → that object as the body.
 */
export class HttpException extends Error {
  override readonly cause: unknown;

  constructor(
    private readonly response: string | Record<string, unknown>,
    private readonly status: number,
    options?: HttpExceptionOptions,
  ) {
    super();
    this.cause = options?.cause;
    this.name = this.constructor.name;
    this.message =
      typeof response === 'string'
        ? response
        : typeof response?.message === 'string'
          ? response.message
          : this.name.replace(/([a-z])([A-Z])/g, '$1 $2');
  }

  getResponse(): string | Record<string, unknown> {
    return this.response;
  }

  getStatus(): number {
    return this.status;
  }

  /** NestJS's body-building rule shared by every subclass. */
  static createBody(
    objectOrMessage: unknown,
    description: string | undefined,
    statusCode: number,
  ): Record<string, unknown> {
    if (objectOrMessage === undefined || objectOrMessage === null || objectOrMessage === '') {
      return { statusCode, message: description };
    }
    if (typeof objectOrMessage === 'string' || typeof objectOrMessage === 'number' || Array.isArray(objectOrMessage)) {
      return { message: objectOrMessage, error: description, statusCode };
    }
    return objectOrMessage as Record<string, unknown>;
  }

  /** NestJS's `(description | options)` second argument of the subclasses. */
  static extractDescriptionAndOptions(
    descriptionOrOptions: string | HttpExceptionOptions | undefined,
  ): { description: string | undefined; httpExceptionOptions: HttpExceptionOptions } {
    if (typeof descriptionOrOptions === 'string') {
      return { description: descriptionOrOptions, httpExceptionOptions: {} };
    }
    return { description: descriptionOrOptions?.description, httpExceptionOptions: descriptionOrOptions ?? {} };
  }
}

/** The JSON body for an exception, as NestJS's BaseExceptionFilter writes it. */
export function errorBodyOf(exception: HttpException): Record<string, unknown> {
  const response = exception.getResponse();
  return typeof response === 'object' && response !== null
    ? response
    : { statusCode: exception.getStatus(), message: response };
}

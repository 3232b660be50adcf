import { RequestAbortedError } from '../adapters/http-exchange';
import type { LoggerService } from '../application/logger';
import { HttpException, errorBodyOf } from '../exceptions/http-exception';
import { HttpResponse } from './http-response';

const JSON_TYPE = 'application/json; charset=utf-8';
const INTERNAL_ERROR_BODY = JSON.stringify({ statusCode: 500, message: 'Internal server error' });

/**
 * The response for a failure, in NestJS's shape and by the same rules as the decorator pipeline's
 * `writeError`: an `HttpException` gives its status and body; anything else is logged with its
 * stack and answered with a bare 500.
 */
export function errorResponse(error: unknown, logger: LoggerService): HttpResponse {
  let response: HttpResponse;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    response = new HttpResponse(status, ['content-type', JSON_TYPE], JSON.stringify(errorBodyOf(error)));
    // A 413 leaves the rest of the body unread on the wire: the connection cannot be reused.
    response.closeConnection = status === 413;
  } else {
    if (!(error instanceof RequestAbortedError)) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error), 'ExceptionsHandler');
    response = new HttpResponse(500, ['content-type', JSON_TYPE], INTERNAL_ERROR_BODY);
  }
  response.error = error;
  return response;
}

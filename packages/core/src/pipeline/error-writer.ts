import type { HttpExchange } from '../adapters/http-exchange';
import { RequestAbortedError } from '../adapters/http-exchange';
import { HttpException, errorBodyOf } from '../exceptions/http-exception';
import type { LoggerService } from '../application/logger';
import type { ArmatureResponse } from '../http/response';

const JSON_HEADERS = ['content-type', 'application/json; charset=utf-8'];
const INTERNAL_ERROR_BODY = JSON.stringify({ statusCode: 500, message: 'Internal server error' });

/**
 * Answers a failed request the way NestJS's base exception filter does: an `HttpException` gives
 * its status and body; anything else is logged with its stack and answered with a bare 500, so no
 * internals reach the client.
 */
export function writeError(
  error: unknown,
  exchange: HttpExchange,
  logger: LoggerService,
  response?: ArmatureResponse,
): void {
  if (error instanceof RequestAbortedError || exchange.aborted) return;
  if (response?.headersSent) {
    logger.error(`Error after the response was sent: ${describe(error)}`, 'ExceptionsHandler');
    return;
  }
  if (response !== undefined) response.headersSent = true;
  // An exchange that turns the answer into a value (Armature middleware's capture) keeps the failure for `response.error`.
  (exchange as { recordFailure?: (error: unknown) => void }).recordFailure?.(error);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // A 413 leaves the rest of the body unread on the wire: the connection cannot be reused.
    exchange.send(status, JSON_HEADERS, JSON.stringify(errorBodyOf(error)), status === 413);
    return;
  }
  logger.error(describe(error), 'ExceptionsHandler');
  exchange.send(500, JSON_HEADERS, INTERNAL_ERROR_BODY);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

import type { LoggerService } from '../../application/logger';
import { HttpException } from '../../exceptions/http-exception';
import { statusText } from '../../http/error-json';
import { errorResponse } from '../../wrap/error-response';
import type { HttpResponse } from '../../wrap/http-response';

// errorResponse logs only errors that are not HttpExceptions: nothing reaches this logger.
const UNUSED_LOGGER: LoggerService = { log() {}, warn() {}, error() {} };

/** The answer sent in the route's place: a NestJS-shaped error, and the connection closed after a 408. */
export function timeoutResponse(status: number, message: string, bodyStillArriving: boolean): HttpResponse {
  const response = errorResponse(new HttpException({ statusCode: status, message, error: statusText(status) }, status), UNUSED_LOGGER);
  // The rest of the body may still be on the wire: the connection cannot carry another request.
  response.closeConnection = bodyStillArriving;
  return response;
}

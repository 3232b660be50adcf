import { HttpException, errorBodyOf } from '../exceptions/http-exception';
import { Logger } from '../application/logger';
import type { ArmatureResponse } from '../http/response';
import type { ArgumentsHost, ExceptionFilter } from './interfaces';

/**
 * NestJS's default exception handling as a filter to extend: `class MyFilter extends
 * BaseExceptionFilter { catch(e, host) { ...; super.catch(e, host); } }`.
 */
export class BaseExceptionFilter<T = unknown> implements ExceptionFilter<T> {
  private static readonly logger = new Logger('ExceptionsHandler');

  catch(exception: T, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ArmatureResponse>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(errorBodyOf(exception));
      return;
    }
    BaseExceptionFilter.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({ statusCode: 500, message: 'Internal server error' });
  }
}

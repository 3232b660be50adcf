import { HttpException, Logger } from '@armature/core';
import { WsException } from './ws-exception';

/** The `data` of an `exception` event, as NestJS's `BaseWsExceptionFilter` builds it. */
export interface WsErrorPayload {
  status: 'error';
  message: unknown;
  /** The message that failed: its event and data. */
  cause?: { pattern: string; data: unknown };
  [key: string]: unknown;
}

export const EXCEPTION_EVENT = 'exception';
const logger = new Logger('WsExceptionsHandler');

/**
 * `WsException('text')` → `{ status: 'error', message: 'text' }`; `WsException({...})` → that object;
 * an `HttpException` (a pipe's 400, a guard's 403) → its message; anything else → logged, and
 * `'Internal server error'` (details never reach the client).
 */
export function exceptionPayload(exception: unknown, cause?: { pattern: string; data: unknown }): WsErrorPayload {
  let payload: WsErrorPayload;
  if (exception instanceof WsException) {
    const error = exception.getError();
    payload = typeof error === 'object' && error !== null ? ({ ...(error as object) } as WsErrorPayload) : { status: 'error', message: error };
  } else if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'object' && response !== null && 'message' in response ? response.message : response;
    payload = { status: 'error', message };
  } else {
    logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    payload = { status: 'error', message: 'Internal server error' };
  }
  if (cause !== undefined) payload.cause = cause;
  return payload;
}

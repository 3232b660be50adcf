import { finished, type Readable } from 'node:stream';
import type { HttpRequest } from '../../wrap/http-request';
import type { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware } from '../../wrap/middleware';
import { createPinoLogger } from './create-pino-logger';
import { headerPicker, requestLogLine, requestLogMessage } from './request-log-line';
import { defaultLevelForStatus, type RequestLoggerOptions } from './request-logger-options';

/**
 * One pino line per request: method, path, status, duration, request id (`req.id`, set by the
 * `requestId()` middleware wherever it sits in the chain) and, for a 5xx, the error behind it.
 * The level follows the status (5xx error, 4xx warn, else info). A streamed body is logged when
 * the stream ends, so the duration covers the transfer and a stream that fails is reported.
 */
export function requestLogger(options: RequestLoggerOptions = {}): HttpMiddleware {
  const log = createPinoLogger(options);
  const levelForStatus = options.levelForStatus ?? defaultLevelForStatus;
  const pickHeaders = headerPicker(options.requestHeaders);

  /** `streamError`: a streamed body failed after its status went out, which is an error whatever the status says. */
  const write = (req: HttpRequest, response: HttpResponse, startedAt: number, streamError?: Error): void => {
    const status = response.status;
    const level = streamError === undefined ? levelForStatus(status) : 'error';
    if (!log.isLevelEnabled(level)) return;
    // 4xx answers carry their HttpException too, but a client mistake is not worth a stack trace.
    const err = streamError ?? (status >= 500 ? response.error : undefined);
    const line = requestLogLine(req, status, startedAt, performance.now(), pickHeaders(req), err);
    log[level](line, requestLogMessage(line));
  };

  // Logging must never change the answer: a bad `levelForStatus` or a failing destination is reported, not thrown.
  const safeWrite = (req: HttpRequest, response: HttpResponse, startedAt: number, streamError?: Error): void => {
    try {
      write(req, response, startedAt, streamError);
    } catch (error) {
      process.emitWarning(`requestLogger could not write a line: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const requestLoggerMiddleware: HttpMiddleware = async (req, next) => {
    const startedAt = performance.now();
    const response = await next();
    if (response.isStream) logWhenStreamEnds(response, (error) => safeWrite(req, response, startedAt, error));
    else safeWrite(req, response, startedAt);
    return response;
  };
  const headers = options.requestHeaders;
  return defineMiddleware(requestLoggerMiddleware, { headers: headers === 'all' ? 'all' : [...(headers ?? [])].map((name) => name.toLowerCase()) });
}

function logWhenStreamEnds(response: HttpResponse, done: (error: Error | undefined) => void): void {
  const body = response.body as Readable;
  // `finished` also fires for a stream destroyed unread (client gone, HEAD, timeout): one line either way.
  const cleanup = finished(body, { writable: false }, (error) => {
    cleanup();
    done(error === null || error === undefined || isPrematureClose(error) ? undefined : error);
  });
}

function isPrematureClose(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE';
}

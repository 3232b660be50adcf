import type { Readable } from 'node:stream';
import type { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware } from '../../wrap/middleware';
import { watchBodyProgress } from './body-progress';
import { resolveTimeoutOptions, type TimeoutOptions } from './timeout-options';
import { timeoutResponse } from './timeout-response';

/**
 * Answers in the route's place when it has not answered within `ms`: 408 Request Timeout when
 * the request body was still arriving (the client is slow), 503 Service Unavailable otherwise
 * (the server is slow). The route keeps running (JavaScript cannot stop it), but its late answer
 * is discarded, and a late stream is destroyed so its source is released. The timer is cleared
 * as soon as the route answers.
 */
export function timeout(options: number | TimeoutOptions): HttpMiddleware {
  const { ms, bodyStatus, status, message } = resolveTimeoutOptions(options);
  const timeoutMiddleware: HttpMiddleware = (req, next) => {
    const bodyStillArriving = watchBodyProgress(req);
    return new Promise<HttpResponse>((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        const arriving = bodyStillArriving();
        resolve(timeoutResponse(arriving ? bodyStatus : status, message, arriving));
      }, ms);
      // next() never rejects (failures below come back as error responses).
      next().then((response) => {
        if (!timedOut) {
          clearTimeout(timer);
          resolve(response);
        } else if (response.isStream) {
          (response.body as Readable).destroy();
        }
      });
    });
  };
  return defineMiddleware(timeoutMiddleware, { headers: ['content-length', 'transfer-encoding'] });
}

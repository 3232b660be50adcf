import type { ArmatureRequest } from '../http/request';
import { errorJson } from '../http/error-json';
import type { RouteHandle } from './route-handle';

const NOTHING_NEEDED = Object.freeze({ allHeaders: false, headerNames: [], body: false, ip: false });

/**
 * A route handle that answers every request with one error: what the table returns for unknown
 * paths (404), wrong methods (405 + Allow) and malformed URLs (400).
 */
export function errorResponseHandle(
  status: number,
  message: (request: ArmatureRequest) => string,
  extraHeaders: string[] = [],
): RouteHandle {
  return {
    needs: NOTHING_NEEDED,
    run(request, exchange) {
      if (exchange.aborted) return;
      exchange.send(status, ['content-type', 'application/json; charset=utf-8', ...extraHeaders], errorJson(status, message(request)));
    },
  };
}

import { defineMiddleware, type HttpMiddleware } from '../../wrap/middleware';
import { resolveRequestIdOptions, type RequestIdOptions } from './request-id-options';
import { isSafeRequestId } from './safe-request-id';

/**
 * Gives every request an id: the client's `x-request-id` when it is a safe, bounded string,
 * otherwise a new UUID. The id is set on `req.id` (the request logger prints it) and echoed in
 * the response header so a client can quote it in a bug report.
 */
export function requestId(options?: RequestIdOptions): HttpMiddleware {
  const { header, trustIncoming, maxLength, generate, setResponseHeader } = resolveRequestIdOptions(options);
  const requestIdMiddleware: HttpMiddleware = async (req, next) => {
    const incoming = trustIncoming ? req.header(header) : undefined;
    const id = isSafeRequestId(incoming, maxLength) ? incoming : generate();
    req.id = id;
    const response = await next();
    return setResponseHeader ? response.header(header, id) : response;
  };
  return defineMiddleware(requestIdMiddleware, { headers: trustIncoming ? [header] : [] });
}

import type { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware } from '../../wrap/middleware';
import { buildSecurityHeaders } from './build-security-headers';
import type { SecurityHeadersOptions } from './security-headers-options';

/**
 * Adds hardened response headers (a default Content-Security-Policy, HSTS, `nosniff`, frame and
 * cross-origin policies...) to every response, error answers included, and removes
 * `X-Powered-By`. A header the route set itself is kept: the route knows better (e.g. a page
 * that must be framed). Reads nothing from the request.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): HttpMiddleware {
  const headers = buildSecurityHeaders(options);
  const hidePoweredBy = options.hidePoweredBy !== false;
  const securityHeadersMiddleware: HttpMiddleware = async (_req, next) => {
    const response = await next();
    if (hidePoweredBy) response.removeHeader('x-powered-by');
    addMissing(response, headers);
    return response;
  };
  return defineMiddleware(securityHeadersMiddleware, { headers: [] });
}

function addMissing(response: HttpResponse, headers: readonly string[]): void {
  const own = response.headers;
  // Only the route's own entries are searched (names are lower case by the OutgoingHeaders
  // contract); a response has few headers, so a scan beats building a Set per request.
  const ownLength = own.length;
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i];
    let present = false;
    for (let j = 0; j < ownLength; j += 2) {
      if (own[j] === name) {
        present = true;
        break;
      }
    }
    if (!present) own.push(name, headers[i + 1]);
  }
}

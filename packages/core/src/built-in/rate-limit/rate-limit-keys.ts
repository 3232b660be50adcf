import type { HttpRequest } from '../../wrap/http-request';
import type { WrapNeeds } from '../../wrap/middleware';

/**
 * What a request is counted under, and what the key reads off the request (declared so that the
 * uWS adapter copies it). `undefined` means "do not limit this request".
 */
export interface RateLimitKey {
  readonly read: (req: HttpRequest) => string | undefined;
  readonly needs: WrapNeeds;
}

/** The client's address (the default). Behind a proxy this is the proxy's: key by a header it sets instead. */
export function byIp(): RateLimitKey {
  return { read: (req) => req.ip, needs: { ip: true } };
}

/**
 * A header's value, e.g. an API key (`byHeader('x-api-key')`). Requests without it are counted by
 * address unless `fallbackToIp` is false, in which case they are not limited.
 */
export function byHeader(name: string, options: { fallbackToIp?: boolean } = {}): RateLimitKey {
  const header = name.toLowerCase();
  const fallback = options.fallbackToIp !== false;
  return {
    // Prefixed so a header value can never collide with an address.
    read: (req) => {
      const value = req.header(header);
      if (value !== undefined && value !== '') return `h:${value}`;
      return fallback && req.ip !== undefined ? `ip:${req.ip}` : undefined;
    },
    needs: { headers: [header], ip: fallback },
  };
}

/** A key function of your own; it is given every header and the address unless you say what it reads. */
export function byFunction(read: (req: HttpRequest) => string | undefined, needs: WrapNeeds = { headers: 'all', ip: true }): RateLimitKey {
  return { read, needs };
}

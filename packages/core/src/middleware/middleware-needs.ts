import type { RequestNeeds } from '../router/route-handle';

/**
 * What a route with middleware needs copied off the native request: middleware may read any
 * header and the remote address (`req.ip`), and the adapter cannot know which beforehand.
 */
export const MIDDLEWARE_NEEDS = Object.freeze({ allHeaders: true, ip: true } as const);
export type MiddlewareNeeds = typeof MIDDLEWARE_NEEDS;

/** A route's own needs plus its middleware's. */
export function withMiddlewareNeeds(needs: RequestNeeds): RequestNeeds {
  return Object.freeze({ ...needs, allHeaders: true, headerNames: [], ip: true });
}

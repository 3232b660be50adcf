import type { HttpResponse } from '../../wrap/http-response';
import type { RateLimitDecision } from './rate-limit-store';

/** Whole seconds, rounded up: a client waiting the advertised time must find the tokens there. */
export function toSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/**
 * The IETF draft's `RateLimit-Limit` (bucket capacity), `RateLimit-Remaining` (whole tokens
 * left) and `RateLimit-Reset` (seconds until the bucket is full again).
 */
export function setRateLimitHeaders(response: HttpResponse, limit: number, decision: RateLimitDecision): HttpResponse {
  return response
    .header('ratelimit-limit', limit)
    .header('ratelimit-remaining', decision.remaining)
    .header('ratelimit-reset', toSeconds(decision.resetMs));
}

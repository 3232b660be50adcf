import type { RateLimitDecision, TokenBucketPolicy } from './rate-limit-store';

/** A bucket's state: the tokens it held at `updatedAt`. */
export interface BucketState {
  tokens: number;
  updatedAt: number;
}

/**
 * The token-bucket step every store performs (a Redis script does the same arithmetic): refill for
 * the elapsed time, capped at capacity, then take `cost` if available. Mutates `bucket`.
 * A clock that goes backwards refills nothing rather than draining the bucket.
 */
export function takeTokens(bucket: BucketState, cost: number, now: number, policy: TokenBucketPolicy): RateLimitDecision {
  const { capacity, refillPerMs } = policy;
  const elapsed = Math.max(0, now - bucket.updatedAt);
  let tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerMs);
  const allowed = cost <= tokens;
  if (allowed) tokens -= cost;
  bucket.tokens = tokens;
  bucket.updatedAt = Math.max(now, bucket.updatedAt);
  // A cost above capacity can never be met: tell the client to come back once the bucket is full.
  const missing = Math.min(cost, capacity) - tokens;
  return {
    allowed,
    remaining: Math.floor(tokens),
    resetMs: (capacity - tokens) / refillPerMs,
    retryAfterMs: allowed ? 0 : Math.max(0, missing) / refillPerMs,
  };
}

/** When a bucket left alone since `updatedAt` is full again (and so can be forgotten). */
export function fullAt(bucket: BucketState, policy: TokenBucketPolicy): number {
  return bucket.updatedAt + (policy.capacity - bucket.tokens) / policy.refillPerMs;
}

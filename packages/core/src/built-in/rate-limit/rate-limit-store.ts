/**
 * A token bucket's shape, passed with every call so one store can serve several limiters (and so a
 * Redis script receives it as arguments rather than keeping configuration server-side).
 */
export interface TokenBucketPolicy {
  /** Most tokens the bucket holds: the largest burst, and the `RateLimit-Limit` sent to clients. */
  readonly capacity: number;
  /** Tokens added back per millisecond. */
  readonly refillPerMs: number;
}

/** The outcome of one `consume`, enough to answer and to fill the `RateLimit-*` headers. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Milliseconds until the bucket is full again. */
  readonly resetMs: number;
  /** When refused: milliseconds until enough tokens for this request exist (0 when allowed). */
  readonly retryAfterMs: number;
}

/**
 * Where buckets live. `consume` atomically refills the bucket for the time elapsed since its last
 * use, then takes `cost` tokens if it holds that many (a refused request takes nothing). It is a
 * single round trip with everything as arguments, which is what a Redis implementation needs: one
 * `EVALSHA` of a Lua script over a hash `{ tokens, updatedAt }` with a `PEXPIRE` of `resetMs`
 * (a full bucket is the same as no bucket, so expiry loses nothing).
 *
 * `now` comes from the limiter's clock (milliseconds), not the store's, so tests can drive time
 * and every instance of an app agrees on it. An in-memory store may answer synchronously.
 */
export interface RateLimitStore {
  consume(key: string, cost: number, now: number, policy: TokenBucketPolicy): RateLimitDecision | Promise<RateLimitDecision>;
}

import type { LoggerService } from '../../application/logger';
import type { HttpRequest } from '../../wrap/http-request';
import type { RateLimitKey } from './rate-limit-keys';
import type { RateLimitStore } from './rate-limit-store';

export interface RateLimitOptions {
  /** Bucket capacity: the most requests allowed in a burst, and the `RateLimit-Limit` header. */
  readonly limit: number;
  /** Time for an empty bucket to refill completely: the sustained rate is `limit` per `windowMs`. */
  readonly windowMs: number;
  /** What requests are counted under (default: the client's address, `byIp()`). */
  readonly key?: RateLimitKey;
  /** Tokens a request takes (default 1). */
  readonly cost?: (req: HttpRequest) => number;
  /** Where buckets live (default: a `MemoryRateLimitStore` for this limiter). */
  readonly store?: RateLimitStore;
  /** Prefix of every key in the store, so limiters sharing one store do not share buckets (default 'rl:'). */
  readonly prefix?: string;
  /** When the store fails: 'open' lets the request through (default), 'closed' answers 503. Both are logged. */
  readonly failMode?: 'open' | 'closed';
  /** Current time in milliseconds (default `Date.now`); tests inject a fake clock. */
  readonly clock?: () => number;
  /** Where store failures are reported (default: `Logger`, i.e. the application's logger). */
  readonly logger?: LoggerService;
  /** Message of the 429 body (default 'Too Many Requests'). */
  readonly message?: string;
}

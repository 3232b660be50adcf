import { Logger } from '../../application/logger';
import { HttpException } from '../../exceptions/http-exception';
import { statusText } from '../../http/error-json';
import { errorResponse } from '../../wrap/error-response';
import type { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware, type HttpNext } from '../../wrap/middleware';
import { throttledFailureLog } from './failure-log';
import { MemoryRateLimitStore } from './memory-store';
import { setRateLimitHeaders, toSeconds } from './rate-limit-headers';
import { byIp } from './rate-limit-keys';
import type { RateLimitOptions } from './rate-limit-options';
import type { RateLimitDecision, TokenBucketPolicy } from './rate-limit-store';

const FAILURE_LOG_INTERVAL_MS = 10_000;

/**
 * Token-bucket rate limiting: each key (the client's address by default) has a bucket of `limit`
 * tokens refilled continuously over `windowMs`; a request takes one (or `cost`), and a request
 * finding too few is answered 429 with `Retry-After`. Every response carries `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset`. Buckets live in memory unless a store is given;
 * with the in-memory store no await happens before the route runs.
 */
export function rateLimit(options: RateLimitOptions): HttpMiddleware {
  const { limit, windowMs } = options;
  if (!(Number.isFinite(limit) && limit > 0)) throw new TypeError(`rateLimit: limit must be a positive number, got ${limit}`);
  if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new TypeError(`rateLimit: windowMs must be a positive number of milliseconds, got ${windowMs}`);
  const policy: TokenBucketPolicy = Object.freeze({ capacity: limit, refillPerMs: limit / windowMs });
  const key = options.key ?? byIp();
  const cost = options.cost;
  const store = options.store ?? new MemoryRateLimitStore();
  const prefix = options.prefix ?? 'rl:';
  const failClosed = options.failMode === 'closed';
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? new Logger('RateLimit');
  const logFailure = throttledFailureLog(logger, FAILURE_LOG_INTERVAL_MS, clock);
  const refuse = (status: number, text: string) => errorResponse(new HttpException({ statusCode: status, message: text, error: statusText(status) }, status), logger);
  const message = options.message ?? 'Too Many Requests';

  const answer = (decision: RateLimitDecision, next: HttpNext): HttpResponse | Promise<HttpResponse> => {
    if (!decision.allowed) {
      const refused = refuse(429, message);
      refused.header('retry-after', Math.max(1, toSeconds(decision.retryAfterMs)));
      return setRateLimitHeaders(refused, limit, decision);
    }
    return next().then((response) => setRateLimitHeaders(response, limit, decision));
  };
  const storeFailed = (error: unknown, next: HttpNext): HttpResponse | Promise<HttpResponse> => {
    logFailure(error, failClosed ? 'closed' : 'open');
    return failClosed ? refuse(503, 'Rate limit unavailable') : next();
  };

  const rateLimitMiddleware: HttpMiddleware = (req, next) => {
    const id = key.read(req);
    if (id === undefined) return next();
    const tokens = cost === undefined ? 1 : cost(req);
    if (!(tokens >= 0 && Number.isFinite(tokens))) throw new TypeError(`rateLimit: cost() returned ${tokens}, expected a number >= 0`);
    let decision: RateLimitDecision | Promise<RateLimitDecision>;
    try {
      decision = store.consume(prefix + id, tokens, clock(), policy);
    } catch (error) {
      return storeFailed(error, next);
    }
    if (!isPromiseLike(decision)) return answer(decision, next);
    return Promise.resolve(decision).then(
      (settled) => answer(settled, next),
      (error: unknown) => storeFailed(error, next),
    );
  };
  return defineMiddleware(rateLimitMiddleware, key.needs);
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>).then === 'function';
}

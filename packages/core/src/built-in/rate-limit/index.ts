export { rateLimit } from './rate-limit';
export type { RateLimitOptions } from './rate-limit-options';
export type { RateLimitDecision, RateLimitStore, TokenBucketPolicy } from './rate-limit-store';
export { MemoryRateLimitStore, type MemoryRateLimitStoreOptions } from './memory-store';
export { byFunction, byHeader, byIp, type RateLimitKey } from './rate-limit-keys';
export { takeTokens, type BucketState } from './token-bucket';

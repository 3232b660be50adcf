import type { RateLimitDecision, RateLimitStore, TokenBucketPolicy } from './rate-limit-store';
import { fullAt, takeTokens, type BucketState } from './token-bucket';

export interface MemoryRateLimitStoreOptions {
  /** Most buckets kept (default 10,000). Past it the least recently used bucket is dropped. */
  readonly maxKeys?: number;
}

interface MemoryBucket extends BucketState {
  /** When it will be full again if left alone; from then on it is the same as no bucket. */
  idleAt: number;
}

// Idle buckets evicted per consume, at most: keeps each request's work bounded.
const SWEEP_PER_CALL = 4;

/**
 * Buckets in a Map kept in least-recently-used order (a used bucket is moved to the end). Memory
 * stays bounded two ways: every call forgets a few buckets at the front that have refilled
 * completely (forgetting them changes nothing: a missing bucket is a full one), and past `maxKeys`
 * the least recently used bucket is dropped even if not yet full (its client gets a fresh bucket:
 * the price of a hard bound under a flood of distinct keys).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, MemoryBucket>();
  private readonly maxKeys: number;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.maxKeys = options.maxKeys ?? 10_000;
    if (!Number.isInteger(this.maxKeys) || this.maxKeys < 1) throw new TypeError(`MemoryRateLimitStore: maxKeys must be a positive integer, got ${options.maxKeys}`);
  }

  /** Buckets currently held. */
  get size(): number {
    return this.buckets.size;
  }

  consume(key: string, cost: number, now: number, policy: TokenBucketPolicy): RateLimitDecision {
    const buckets = this.buckets;
    let bucket = buckets.get(key);
    if (bucket === undefined) bucket = { tokens: policy.capacity, updatedAt: now, idleAt: now };
    else buckets.delete(key); // re-inserted below: moves it to the most recently used end
    const decision = takeTokens(bucket, cost, now, policy);
    bucket.idleAt = fullAt(bucket, policy);
    this.sweep(now);
    buckets.set(key, bucket);
    if (buckets.size > this.maxKeys) buckets.delete(buckets.keys().next().value as string);
    return decision;
  }

  /** Forgets up to a few least recently used buckets that are full again. */
  private sweep(now: number): void {
    let budget = SWEEP_PER_CALL;
    for (const [key, bucket] of this.buckets) {
      if (budget-- === 0 || bucket.idleAt > now) return;
      this.buckets.delete(key);
    }
  }

  /** Drops every bucket. */
  clear(): void {
    this.buckets.clear();
  }
}

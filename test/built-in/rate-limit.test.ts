import { request } from 'undici';
import {
  App,
  Controller,
  Get,
  get as route,
  type MicroServer,
  MemoryRateLimitStore,
  Module,
  byHeader,
  rateLimit,
  type LoggerService,
  type RateLimitDecision,
  type RateLimitStore,
  type TokenBucketPolicy,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

@Controller()
class ApiController {
  @Get('ping')
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [ApiController] })
class AppModule {}

/** A clock the test moves by hand. */
function fakeClock(start = 1_700_000_000_000) {
  const clock = { now: start, read: () => clock.now, advance: (ms: number) => (clock.now += ms) };
  return clock;
}

/** Captures what the middleware logs. */
function captureLogger(): LoggerService & { errors: string[] } {
  const errors: string[] = [];
  return { errors, log() {}, warn() {}, error: (message: unknown) => void errors.push(String(message)) };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await request(url, { headers });
  const body = await res.body.json();
  return { status: res.statusCode, headers: res.headers, body };
}

/** A store answering asynchronously, as a Redis one would (one awaited round trip per request). */
class AsyncStore implements RateLimitStore {
  readonly inner = new MemoryRateLimitStore();
  calls = 0;
  async consume(key: string, cost: number, now: number, policy: TokenBucketPolicy): Promise<RateLimitDecision> {
    this.calls++;
    await new Promise((resolve) => setImmediate(resolve));
    return this.inner.consume(key, cost, now, policy);
  }
}

class BrokenStore implements RateLimitStore {
  constructor(private readonly how: 'throw' | 'reject') {}
  consume(): Promise<RateLimitDecision> {
    if (this.how === 'throw') throw new Error('store exploded');
    return Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379'));
  }
}

describe.each(ADAPTERS)('rateLimit (%s)', (_name, createAdapter) => {
  const clock = fakeClock();
  let running: RunningApp;
  let byKey: RunningApp;

  beforeAll(async () => {
    // 3 tokens, refilled over 3 s: one token per second.
    running = await startApp(AppModule, createAdapter, {}, (app) => app.use(rateLimit({ limit: 3, windowMs: 3000, clock: clock.read })));
    byKey = await startApp(AppModule, createAdapter, {}, (app) =>
      app.use(rateLimit({ limit: 2, windowMs: 60_000, key: byHeader('x-api-key'), store: new AsyncStore(), clock: clock.read })),
    );
  });
  afterAll(async () => {
    await running.close();
    await byKey.close();
  });

  it('counts down, refuses with 429 and Retry-After when empty, and refills with time', async () => {
    const url = `${running.url}/ping`;
    const first = await get(url);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ pong: true });
    expect([first.headers['ratelimit-limit'], first.headers['ratelimit-remaining'], first.headers['ratelimit-reset']]).toEqual(['3', '2', '1']);
    expect((await get(url)).headers['ratelimit-remaining']).toBe('1');
    const third = await get(url);
    expect([third.status, third.headers['ratelimit-remaining'], third.headers['ratelimit-reset']]).toEqual([200, '0', '3']);

    const refused = await get(url);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' });
    expect(refused.headers['retry-after']).toBe('1');
    expect([refused.headers['ratelimit-limit'], refused.headers['ratelimit-remaining'], refused.headers['ratelimit-reset']]).toEqual(['3', '0', '3']);

    clock.advance(400); // 0.4 token: still short, and Retry-After rounds the remaining 0.6 s up
    const stillRefused = await get(url);
    expect([stillRefused.status, stillRefused.headers['retry-after']]).toEqual([429, '1']);

    clock.advance(600); // one full token
    const refilled = await get(url);
    expect([refilled.status, refilled.headers['ratelimit-remaining']]).toEqual([200, '0']);
    expect((await get(url)).status).toBe(429);

    clock.advance(60_000); // long idle: the bucket is full again, never above capacity
    const rested = await get(url);
    expect([rested.status, rested.headers['ratelimit-remaining'], rested.headers['ratelimit-reset']]).toEqual([200, '2', '1']);
    clock.advance(60_000);
  });

  it('puts the headers on every response, 404 included', async () => {
    const missing = await get(`${running.url}/missing`);
    expect(missing.status).toBe(404);
    expect(missing.headers['ratelimit-limit']).toBe('3');
    expect(missing.headers['ratelimit-remaining']).toBe('2');
    clock.advance(60_000);
  });

  it('keys by a header with an async store: separate buckets per API key', async () => {
    const url = `${byKey.url}/ping`;
    expect((await get(url, { 'x-api-key': 'alice' })).status).toBe(200);
    expect((await get(url, { 'x-api-key': 'alice' })).status).toBe(200);
    const aliceRefused = await get(url, { 'x-api-key': 'alice' });
    expect(aliceRefused.status).toBe(429);
    expect(aliceRefused.headers['retry-after']).toBe('30'); // 2 tokens per minute: one every 30 s
    const bob = await get(url, { 'x-api-key': 'bob' });
    expect([bob.status, bob.headers['ratelimit-remaining']]).toEqual([200, '1']);
    // Without the header the client is counted by its address, in a bucket of its own.
    const anonymous = await get(url);
    expect([anonymous.status, anonymous.headers['ratelimit-remaining']]).toEqual([200, '1']);
    clock.advance(120_000);
  });
});

describe('rateLimit store failures', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it.each(ADAPTERS)('fails open by default and logs it, throttled (%s)', async (_name, createAdapter) => {
    const logger = captureLogger();
    running = await startApp(AppModule, createAdapter, {}, (app) => app.use(rateLimit({ limit: 1, windowMs: 1000, store: new BrokenStore('reject'), logger })));
    for (let i = 0; i < 5; i++) {
      const res = await get(`${running.url}/ping`);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
    expect(logger.errors).toHaveLength(1); // one line per 10 s, not one per request
    expect(logger.errors[0]).toMatch(/Rate limit store failed, failing open.*ECONNREFUSED/s);
  });

  it.each(ADAPTERS)('fails closed with 503 when asked to (%s)', async (_name, createAdapter) => {
    const logger = captureLogger();
    running = await startApp(AppModule, createAdapter, {}, (app) =>
      app.use(rateLimit({ limit: 1, windowMs: 1000, store: new BrokenStore('throw'), failMode: 'closed', logger })),
    );
    const res = await get(`${running.url}/ping`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, message: 'Rate limit unavailable', error: 'Service Unavailable' });
    expect(logger.errors[0]).toMatch(/failing closed.*store exploded/s);
  });

  it('reports again after the quiet interval, with the count of failures it did not log', async () => {
    const logger = captureLogger();
    const clock = fakeClock();
    running = await startApp(AppModule, ADAPTERS[1][1], {}, (app) =>
      app.use(rateLimit({ limit: 1, windowMs: 1000, store: new BrokenStore('throw'), logger, clock: clock.read })),
    );
    for (let i = 0; i < 3; i++) await get(`${running.url}/ping`);
    clock.advance(10_000);
    await get(`${running.url}/ping`);
    expect(logger.errors).toHaveLength(2);
    expect(logger.errors[1]).toContain('(2 more failures since the last report)');
  });

  it('answers 500 when the cost function returns nonsense, and keeps serving', async () => {
    let cost = Number.NaN;
    running = await startApp(AppModule, ADAPTERS[0][1], {}, (app) => app.use(rateLimit({ limit: 5, windowMs: 1000, cost: () => cost })));
    expect((await get(`${running.url}/ping`)).status).toBe(500);
    cost = 2;
    const ok = await get(`${running.url}/ping`);
    expect([ok.status, ok.headers['ratelimit-remaining']]).toEqual([200, '3']);
  });
});

describe('MemoryRateLimitStore', () => {
  const policy: TokenBucketPolicy = { capacity: 10, refillPerMs: 10 / 1000 }; // full again 1 s after the last use

  it('forgets buckets that have refilled completely (idle eviction)', () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 50; i++) store.consume(`old-${i}`, 1, 0, policy);
    expect(store.size).toBe(50);
    // Later traffic from other clients sweeps the idle buckets a few per call.
    for (let i = 0; i < 50; i++) store.consume(`new-${i}`, 1, 5_000, policy);
    expect(store.size).toBe(50);
    for (let i = 0; i < 50; i++) store.consume(`new-${i}`, 1, 5_010, policy);
    expect(store.size).toBe(50);
  });

  it('keeps a bucket that is not full yet, so a drained client stays refused', () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 10; i++) expect(store.consume('greedy', 1, 0, policy).allowed).toBe(true);
    for (let i = 0; i < 200; i++) store.consume(`other-${i}`, 1, 50, policy);
    const again = store.consume('greedy', 1, 50, policy);
    expect(again.allowed).toBe(false);
    expect(again.retryAfterMs).toBeCloseTo(50, 5); // 0.5 token there, 0.5 missing at 10 per second
  });

  it('never holds more than maxKeys buckets under a flood of distinct keys', () => {
    const store = new MemoryRateLimitStore({ maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) store.consume(`ip-${i}`, 1, i, policy);
    expect(store.size).toBe(100);
    expect(() => new MemoryRateLimitStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });

  it('does the token-bucket arithmetic: costs, capacity cap, clocks going backwards', () => {
    const store = new MemoryRateLimitStore();
    expect(store.consume('k', 4, 1000, policy)).toEqual({ allowed: true, remaining: 6, resetMs: 400, retryAfterMs: 0 });
    const tooExpensive = store.consume('k', 8, 1000, policy);
    expect(tooExpensive).toMatchObject({ allowed: false, remaining: 6 });
    expect(tooExpensive.retryAfterMs).toBeCloseTo(200, 5);
    expect(store.consume('k', 1, 500, policy)).toMatchObject({ allowed: true, remaining: 5 }); // earlier time: no refill, no drain
    expect(store.consume('k', 1, 1_000_000, policy)).toMatchObject({ allowed: true, remaining: 9 }); // capped at capacity
    const never = store.consume('k', 50, 1_000_000, policy); // above capacity: come back when full
    expect(never.allowed).toBe(false);
    expect(never.retryAfterMs).toBeCloseTo(100, 5);
  });

  it('refuses a nonsense configuration at startup', () => {
    expect(() => rateLimit({ limit: 0, windowMs: 1000 })).toThrow(/limit/);
    expect(() => rateLimit({ limit: 5, windowMs: Number.POSITIVE_INFINITY })).toThrow(/windowMs/);
  });
});

describe.each(ADAPTERS)('rateLimit in a micro app (%s)', (_name, createAdapter) => {
  const clock = fakeClock();
  let server: MicroServer;
  beforeAll(async () => {
    server = await App.new({ adapter: createAdapter, logger: false })
      .wrap(rateLimit({ limit: 1, windowMs: 60_000, clock: clock.read }))
      .route('/ping', route(() => ({ pong: true })))
      .run({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('allows the burst, then answers 429 with Retry-After until the bucket refills', async () => {
    const first = await get(`${server.url}/ping`);
    expect([first.status, first.headers['ratelimit-limit'], first.headers['ratelimit-remaining'], first.headers['ratelimit-reset']]).toEqual([200, '1', '0', '60']);
    const refused = await get(`${server.url}/ping`);
    expect([refused.status, refused.headers['retry-after']]).toEqual([429, '60']);
    clock.advance(59_500);
    expect((await get(`${server.url}/ping`)).headers['retry-after']).toBe('1');
    clock.advance(500);
    expect((await get(`${server.url}/ping`)).status).toBe(200);
  });
});

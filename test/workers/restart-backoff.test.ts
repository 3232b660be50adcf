import { RestartBackoff } from '../../packages/core/src/workers/restart-backoff';

describe('RestartBackoff', () => {
  it('doubles the delay while a worker keeps dying, up to the maximum', () => {
    const backoff = new RestartBackoff({ initialDelayMs: 100, maxDelayMs: 1000, resetAfterMs: 10_000 });
    expect([0, 0, 0, 0, 0, 0].map((uptime) => backoff.nextDelay(uptime))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoff.restartsInARow).toBe(6);
  });

  it('starts over after a worker served long enough', () => {
    const backoff = new RestartBackoff({ initialDelayMs: 100, maxDelayMs: 1000, resetAfterMs: 10_000 });
    backoff.nextDelay(0);
    backoff.nextDelay(500);
    expect(backoff.nextDelay(9_999)).toBe(400);
    expect(backoff.nextDelay(10_000)).toBe(100);
    expect(backoff.nextDelay(0)).toBe(200);
  });

  it('uses 100 ms, doubling to 10 s, reset after 10 s, by default', () => {
    const backoff = new RestartBackoff();
    const delays = Array.from({ length: 9 }, () => backoff.nextDelay(0));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000]);
    expect(backoff.nextDelay(10_000)).toBe(100);
  });
});

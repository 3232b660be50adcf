/**
 * Counts requests whose answer is not complete yet, so that a graceful close can wait for them.
 * An answer counts as complete once uWS took its last byte, or once the client went away.
 */
export class InFlightCounter {
  private count = 0;
  private onZero: (() => void) | null = null;

  get size(): number {
    return this.count;
  }

  started(): void {
    this.count++;
  }

  finished(): void {
    this.count--;
    if (this.count === 0 && this.onZero !== null) this.onZero();
  }

  /** Resolves true once nothing is in flight, or false when `timeoutMs` passed first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const settle = (drained: boolean): void => {
        clearTimeout(timer);
        this.onZero = null;
        resolve(drained);
      };
      const timer = setTimeout(settle, timeoutMs, false);
      this.onZero = () => settle(true);
    });
  }
}

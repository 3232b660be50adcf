import { DEFAULT_RESTART, type RestartOptions } from './worker-options';

/** Exponential backoff for one worker slot: 100, 200, 400... ms while it keeps dying, reset once it served a while. */
export class RestartBackoff {
  private readonly options: Required<RestartOptions>;
  private streak = 0;

  constructor(options: RestartOptions = {}) {
    this.options = { ...DEFAULT_RESTART, ...options };
  }

  /** How many restarts in a row (without a long enough run in between) this slot has had. */
  get restartsInARow(): number {
    return this.streak;
  }

  /** The delay before the next restart, after a worker that ran for `uptimeMs` died. */
  nextDelay(uptimeMs: number): number {
    if (uptimeMs >= this.options.resetAfterMs) this.streak = 0;
    const delay = Math.min(this.options.maxDelayMs, this.options.initialDelayMs * 2 ** this.streak);
    this.streak++;
    return delay;
  }
}

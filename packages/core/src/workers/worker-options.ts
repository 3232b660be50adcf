import { availableParallelism } from 'node:os';

/** `'auto'`: one worker per CPU this process may run on; or an exact number of workers. */
export type WorkerCount = 'auto' | number;

/**
 * How copies of a server share one port. `'thread'`: worker_threads of this process, each binding
 * the port itself (uWS sets SO_REUSEPORT, the kernel spreads connections). `'process'`: node
 * `cluster` children; node 20's `http.Server` cannot bind a port twice, so the primary holds the
 * listen socket and hands connections out.
 */
export type WorkerKind = 'thread' | 'process';

/** When a worker dies unexpectedly, it is started again after a delay that doubles while it keeps dying. */
export interface RestartOptions {
  /** Delay before the first restart (default 100 ms). */
  initialDelayMs?: number;
  /** Longest delay (default 10 s). */
  maxDelayMs?: number;
  /** A worker that served this long before dying restarts after `initialDelayMs` again (default 10 s). */
  resetAfterMs?: number;
}

/** Worker mode: `app.listen(3000, { workers: 'auto' })`. See docs/workers.md. */
export interface WorkersOptions {
  /** How many copies of the server to run. */
  workers: WorkerCount;
  /**
   * The script each worker runs; it must reach the same `listen(..., { workers })` call. Default:
   * this process's entry (`require.main`, else `process.argv[1]`), as `cluster` does.
   */
  entry?: string;
  /**
   * Pin each worker to one CPU, through the optional `@armature/cpu-affinity` addon (without it,
   * workers run unpinned and the primary says so once). Default: pinned when the workers cover
   * every CPU this process may use (`'auto'`, or at least that many), unpinned when fewer workers
   * leave the scheduler CPUs to balance over (measurements in docs/workers.md).
   */
  pin?: boolean;
  /** Restart policy for crashed workers, or `false` to leave them dead. */
  restart?: RestartOptions | false;
  /** How long a worker may take to build the app and listen before the start counts as failed (default 60 s). */
  startTimeoutMs?: number;
}

export const DEFAULT_START_TIMEOUT_MS = 60_000;

export const DEFAULT_RESTART: Required<RestartOptions> = { initialDelayMs: 100, maxDelayMs: 10_000, resetAfterMs: 10_000 };

/** The number of workers to start; throws on anything but `'auto'` or a positive integer. */
export function resolveWorkerCount(count: WorkerCount, cores: () => number = availableParallelism): number {
  if (count === 'auto') return Math.max(1, cores());
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new TypeError(`workers must be 'auto' or a positive integer, got ${JSON.stringify(count)}`);
  }
  return count;
}

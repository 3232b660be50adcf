import type { WorkerLaunch } from './worker-identity';
import type { FromWorker, ToWorker } from './worker-messages';

/** What the pool hears from one running worker. */
export interface WorkerUnitEvents {
  message(message: FromWorker): void;
  /** The worker is gone: its exit code, the signal that killed it (processes), the error that crashed it (threads). */
  exit(code: number | null, signal: string | null, error: Error | undefined): void;
}

/** One running worker, thread or process, as the pool drives it. */
export interface WorkerUnit {
  /** `thread 7` / `pid 4242`, for logs. */
  readonly label: string;
  send(message: ToWorker): void;
  /**
   * Ends the worker without its cooperation; false when that is not safe. A uWS thread cannot be
   * terminated with sockets open (uWS then aborts the whole process), so threads refuse.
   */
  kill(): boolean;
}

export type SpawnWorkerUnit = (entry: string, launch: WorkerLaunch, events: WorkerUnitEvents) => WorkerUnit;

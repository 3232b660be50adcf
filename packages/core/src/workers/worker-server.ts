import type { LoggerService } from '../application/logger';
import type { WorkerIdentity } from './worker-identity';
import type { WorkerKind, WorkersOptions } from './worker-options';

/** What `serveWithWorkers` needs besides "how to serve in a worker". */
export interface WorkerServeSpec extends WorkersOptions {
  /** The port every worker serves (0: one free port, chosen by the primary, shared by all). */
  port: number;
  host?: string;
  /** Threads (the server binds the port in each thread: uWS) or `cluster` processes (node:http). */
  kind: WorkerKind;
  /** How long a worker's graceful close may take; the primary waits this plus 5 s for each worker to exit. Default 10 s. */
  shutdownTimeoutMs?: number;
  /**
   * In the primary, drain the workers on SIGTERM/SIGINT (when nothing else listens to that signal),
   * then let the signal end the process. Default true; the application passes false and uses its own
   * shutdown hooks, which also run the lifecycle hooks.
   */
  handleSignals?: boolean;
  /** Where the primary logs starts, crashes and restarts. Default: `new Logger('Workers')`. */
  logger?: LoggerService;
}

/** Where a worker must listen: the primary's port (already resolved when 0 was asked for). */
export interface WorkerTarget {
  port: number;
  host?: string;
  worker: WorkerIdentity;
}

/** A server listening inside one worker. */
export interface WorkerLocalServer {
  /** Graceful close: refuse new connections, finish in-flight requests, run shutdown hooks. */
  close(): Promise<void>;
  /**
   * Synchronous, abrupt close of every socket, called when the worker is about to die. Required for
   * uWS in threads: a thread that ends with uWS sockets open aborts the whole process.
   */
  closeNow?(): void;
}

/** "How to build and listen an app in a worker": runs in each worker, never in the primary. */
export type ServeInWorker = (target: WorkerTarget) => Promise<WorkerLocalServer>;

/** What `serveWithWorkers` returns: in the primary the whole pool, in a worker its own server. */
export interface WorkerServer {
  readonly role: 'primary' | 'worker';
  /** In a worker, which one; undefined in the primary. */
  readonly worker?: WorkerIdentity;
  /** The shared address every worker serves. */
  address(): { address: string; family: string; port: number } | null;
  /** Primary: drain every worker (each closes gracefully, then exits) and stop restarting them. Worker: close its own server. */
  close(): Promise<void>;
}

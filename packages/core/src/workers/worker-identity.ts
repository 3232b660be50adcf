import { isMainThread, workerData } from 'node:worker_threads';
import type { WorkerKind } from './worker-options';

/** What a worker knows about itself (`currentWorker()`); undefined in the primary and in plain apps. */
export interface WorkerIdentity {
  /** 1-based slot number; a restarted worker keeps its slot's number. */
  readonly index: number;
  readonly kind: WorkerKind;
  /** 0 for the first worker of a slot, then 1, 2... for each restart. */
  readonly generation: number;
}

/** @internal What the primary hands each worker: who it is and where to listen. */
export interface WorkerLaunch extends WorkerIdentity {
  readonly port: number;
  readonly host?: string;
  /** The CPU to pin this worker to, when pinning is on and possible. */
  readonly cpu?: number;
  /** Threads only: the primary's counter of threads that closed their sockets on its way out (exit-guard.ts). */
  readonly exitFlag?: Int32Array;
}

/** @internal Key of the launch in a worker thread's `workerData`. */
export const WORKER_DATA_KEY = '__armatureWorker';
/** @internal Environment variable carrying the launch to a `cluster` child. */
export const WORKER_ENV_KEY = 'ARMATURE_WORKER';

// One answer per process even if two copies of core are loaded (e.g. sources and dist in a test).
const CACHE = Symbol.for('armature.workerLaunch');
type LaunchCache = { [CACHE]?: { launch: WorkerLaunch | undefined } };

function readLaunch(): WorkerLaunch | undefined {
  if (!isMainThread) {
    const data = workerData as Record<string, unknown> | null | undefined;
    const launch = data !== null && typeof data === 'object' ? data[WORKER_DATA_KEY] : undefined;
    return launch === undefined ? undefined : (launch as WorkerLaunch);
  }
  const raw = process.env[WORKER_ENV_KEY];
  if (raw === undefined) return undefined;
  // Not inherited by processes this worker spawns (an app run by a test, a CLI...): they are not workers.
  delete process.env[WORKER_ENV_KEY];
  // Only a cluster child is a worker (node marks it with NODE_UNIQUE_ID, which its own children do not inherit).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!(require('node:cluster') as import('node:cluster').Cluster).isWorker) return undefined;
  try {
    return JSON.parse(raw) as WorkerLaunch;
  } catch {
    return undefined;
  }
}

/** @internal The launch of this thread/process when the primary started it as a worker. */
export function workerLaunch(): WorkerLaunch | undefined {
  const cache = globalThis as LaunchCache;
  cache[CACHE] ??= { launch: readLaunch() };
  return cache[CACHE].launch;
}

/** Which worker this code runs in (`{ index: 2, kind: 'thread', generation: 0 }`), or undefined outside worker mode. */
export function currentWorker(): WorkerIdentity | undefined {
  const launch = workerLaunch();
  return launch === undefined ? undefined : { index: launch.index, kind: launch.kind, generation: launch.generation };
}

/** ` [worker 2]` inside worker 2, '' elsewhere: what the console logger adds after the pid. */
export function workerLogTag(): string {
  const launch = workerLaunch();
  return launch === undefined ? '' : ` [worker ${launch.index}]`;
}

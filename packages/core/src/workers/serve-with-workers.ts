import { Logger } from '../application/logger';
import { WorkerPool } from './worker-pool';
import { workerLaunch } from './worker-identity';
import { resolveWorkerCount } from './worker-options';
import { serveInWorker } from './worker-runtime';
import type { ServeInWorker, WorkerServeSpec, WorkerServer } from './worker-server';

/**
 * Worker mode for any Armature server (decorator apps through `app.listen`, the micro API's `run`).
 *
 * The same code runs in the primary and in every worker (each worker executes the entry script
 * again, as `cluster` does). In the primary this starts `spec.workers` workers, waits until all
 * listen, supervises them (a worker that dies is restarted with exponential backoff, logged) and
 * resolves to the pool; `serveHere` is not called there. In a worker it calls `serveHere` with the
 * port to bind, reports to the primary, and resolves to that worker's server.
 */
export async function serveWithWorkers(spec: WorkerServeSpec, serveHere: ServeInWorker): Promise<WorkerServer> {
  const launch = workerLaunch();
  if (launch !== undefined) {
    if (launch.kind !== spec.kind) {
      throw new Error(`Worker ${launch.index} was started as a ${launch.kind} but this server runs its workers as ${spec.kind === 'thread' ? 'threads' : 'processes'}`);
    }
    return serveInWorker(launch, serveHere);
  }
  resolveWorkerCount(spec.workers); // a bad count fails here, before anything starts
  const logger = spec.logger ?? new Logger('Workers');
  const pool = new WorkerPool(spec, logger);
  await pool.start();
  if (spec.handleSignals !== false) pool.drainOnSignals();
  return pool;
}

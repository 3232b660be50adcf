import { Worker } from 'node:worker_threads';
import { WORKER_DATA_KEY, type WorkerLaunch } from './worker-identity';
import { isFromWorker } from './worker-messages';
import type { SpawnWorkerUnit, WorkerUnit, WorkerUnitEvents } from './worker-unit';

/**
 * A worker thread running the entry script. It inherits `process.execArgv` (so `-r ts-node/register`
 * or `--import tsx` apply to it too), gets the primary's arguments after the script, and finds its
 * launch in `workerData`.
 */
export const spawnThread: SpawnWorkerUnit = (entry: string, launch: WorkerLaunch, events: WorkerUnitEvents): WorkerUnit => {
  const worker = new Worker(entry, { workerData: { [WORKER_DATA_KEY]: launch }, argv: process.argv.slice(2) });
  let crash: Error | undefined;
  worker.on('message', (message: unknown) => {
    if (isFromWorker(message)) events.message(message);
  });
  worker.on('error', (error: Error) => {
    crash = error;
  });
  worker.on('exit', (code) => events.exit(code, null, crash));
  return {
    label: `thread ${worker.threadId}`,
    send: (message) => worker.postMessage(message),
    kill: () => false,
  };
};

import type { Cluster } from 'node:cluster';
import { WORKER_ENV_KEY, type WorkerLaunch } from './worker-identity';
import { isFromWorker } from './worker-messages';
import type { SpawnWorkerUnit, WorkerUnit, WorkerUnitEvents } from './worker-unit';

/**
 * A `cluster` child running the entry script (node 20's http server has no SO_REUSEPORT option, so
 * processes share the primary's listen socket instead; the primary accepts and deals connections
 * round-robin). The launch travels in an environment variable.
 */
export const spawnProcess: SpawnWorkerUnit = (entry: string, launch: WorkerLaunch, events: WorkerUnitEvents): WorkerUnit => {
  // Required here, not at import: node:cluster (with child_process and dgram) is for apps in worker mode on node:http.
  const cluster = require('node:cluster') as Cluster;
  // Settings are global to `cluster`; set them for each fork so they are ours.
  cluster.setupPrimary({ exec: entry, args: process.argv.slice(2), execArgv: process.execArgv });
  const { exitFlag: _threadsOnly, ...serializable } = launch;
  const worker = cluster.fork({ [WORKER_ENV_KEY]: JSON.stringify(serializable) });
  worker.on('message', (message: unknown) => {
    if (isFromWorker(message)) events.message(message);
  });
  // 'error' (e.g. a failed send to a dying child) is followed by 'exit'; listening keeps it from throwing.
  worker.on('error', () => {});
  worker.on('exit', (code, signal) => events.exit(code, signal, undefined));
  return {
    label: `pid ${worker.process.pid}`,
    send: (message) => {
      if (worker.isConnected()) worker.send(message);
    },
    kill: () => {
      worker.process.kill('SIGKILL');
      return true;
    },
  };
};

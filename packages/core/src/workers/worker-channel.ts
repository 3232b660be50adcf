import { parentPort } from 'node:worker_threads';
import type { WorkerKind } from './worker-options';
import { isToWorker, type FromWorker, type ToWorker } from './worker-messages';

/** The worker's side of the line to the primary: `parentPort` for a thread, the IPC channel for a process. */
export interface WorkerChannel {
  send(message: FromWorker): Promise<void>;
  onMessage(listener: (message: ToWorker) => void): void;
}

export function workerChannel(kind: WorkerKind): WorkerChannel {
  if (kind === 'thread') {
    const port = parentPort;
    if (port === null) throw new Error('Armature worker launch found outside a worker thread');
    return {
      // Messages posted before the thread exits are still delivered.
      send: (message) => {
        port.postMessage(message);
        return Promise.resolve();
      },
      onMessage: (listener) =>
        port.on('message', (message: unknown) => {
          if (isToWorker(message)) listener(message);
        }),
    };
  }
  return {
    // Waits for the IPC write, so that a message sent just before exiting is not lost.
    send: (message) =>
      new Promise((resolve) => {
        if (typeof process.send !== 'function' || !process.connected) return resolve();
        process.send(message, undefined, undefined, () => resolve());
      }),
    onMessage: (listener) =>
      process.on('message', (message: unknown) => {
        if (isToWorker(message)) listener(message);
      }),
  };
}

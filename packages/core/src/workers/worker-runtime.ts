import { isIPv6 } from 'node:net';
import { Logger } from '../application/logger';
import { pinCurrentThread } from './cpu-pinning';
import { workerChannel } from './worker-channel';
import type { WorkerIdentity, WorkerLaunch } from './worker-identity';
import type { ServeInWorker, WorkerLocalServer, WorkerServer } from './worker-server';

/**
 * The worker's half of worker mode: pins the thread, builds and binds the server through
 * `serveHere`, tells the primary it is ready, and closes on the primary's word.
 *
 * uWS rule enforced here: a thread must never end with uWS sockets open (the process would abort).
 * Every way out closes them first: a drain closes gracefully; `process.exit()` in the worker runs the
 * 'exit' listener; an uncaught error closes them in 'uncaughtExceptionMonitor' (only when nothing
 * handles 'uncaughtException', i.e. when the thread is really about to die).
 */
export async function serveInWorker(launch: WorkerLaunch, serveHere: ServeInWorker): Promise<WorkerServer> {
  const logger = new Logger('Workers');
  const channel = workerChannel(launch.kind);
  const identity: WorkerIdentity = { index: launch.index, kind: launch.kind, generation: launch.generation };
  let local: WorkerLocalServer | undefined;
  let socketsClosed = false;

  const closeNow = (): void => {
    if (socketsClosed) return;
    socketsClosed = true;
    try {
      local?.closeNow?.();
    } catch {
      // Nothing more can be done on the way out.
    }
  };
  process.on('exit', closeNow);
  process.on('uncaughtExceptionMonitor', () => {
    if (process.listenerCount('uncaughtException') === 0) closeNow();
  });

  if (launch.cpu !== undefined) {
    const failure = pinCurrentThread(launch.cpu);
    if (failure !== undefined) void channel.send({ armature: 'warn', message: `Worker ${launch.index} could not be pinned to CPU ${launch.cpu}: ${failure}` });
  }

  try {
    local = await serveHere({ port: launch.port, host: launch.host, worker: identity });
  } catch (error) {
    const { message, code, stack } = error as { message?: string; code?: string; stack?: string };
    await channel.send({ armature: 'failed', message: message ?? String(error), code, stack });
    closeNow();
    process.exit(1);
  }

  const served = local;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= served.close().then(() => {
      socketsClosed = true;
    });
    return closing;
  };
  let draining: Promise<void> | undefined;
  const drain = (): Promise<void> => {
    draining ??= (async () => {
      let code = 0;
      try {
        await close();
      } catch (error) {
        logger.error(`Closing worker ${launch.index} failed: ${(error as Error)?.stack ?? String(error)}`);
        code = 1;
      }
      closeNow(); // whatever the graceful close left
      process.exit(code);
    })();
    return draining;
  };

  channel.onMessage((message) => {
    if (message.armature === 'drain') void drain();
    else if (message.armature === 'close-now') {
      closeNow();
      if (launch.exitFlag !== undefined) {
        Atomics.add(launch.exitFlag, 0, 1);
        Atomics.notify(launch.exitFlag, 0);
      }
    }
  });
  if (launch.kind === 'process') {
    // A terminal's Ctrl-C reaches the whole process group: each child drains itself, as the primary asks.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void drain());
  }
  await channel.send({ armature: 'ready' });

  return {
    role: 'worker',
    worker: identity,
    address: () => ({ address: launch.host ?? '::', family: isIPv6(launch.host ?? '::') ? 'IPv6' : 'IPv4', port: launch.port }),
    // Closes this worker's server; the worker then ends once nothing else keeps it alive.
    close,
  };
}

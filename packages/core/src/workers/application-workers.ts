import type { HttpServerAdapter, NodeLikeServer } from '../adapters/http-adapter';
import { Logger } from '../application/logger';
import { serveWithWorkers } from './serve-with-workers';
import type { WorkersOptions } from './worker-options';
import type { WorkerServer } from './worker-server';

/** What worker mode uses of an `ArmatureApplication` (structural: the application imports this file). */
export interface WorkerModeApp {
  listen(port: number, host?: string): Promise<NodeLikeServer>;
  close(signal?: string): Promise<void>;
  enableShutdownHooks(signals: string[]): unknown;
  getHttpAdapter(): HttpServerAdapter;
}

/**
 * `app.listen(port, host, { workers })`. In the primary the application is not initialised (no
 * routes compiled, no `onModuleInit`): it only supervises. In each worker the same application,
 * built again by the entry script, initialises and listens on the shared port.
 */
export async function listenWithWorkers(
  app: WorkerModeApp,
  port: number,
  host: string | undefined,
  options: WorkersOptions,
  shutdownTimeoutMs: number | undefined,
): Promise<WorkerServer> {
  const adapter = app.getHttpAdapter();
  const server = await serveWithWorkers(
    { ...options, port, host, kind: adapter.workerKind ?? 'process', shutdownTimeoutMs, handleSignals: false },
    async (target) => {
      await app.listen(target.port, target.host);
      return { close: () => app.close(), closeNow: () => adapter.closeNow?.() };
    },
  );
  if (server.role === 'primary') {
    // Signals reach the primary only; the application's own shutdown hooks drain the workers and run its hooks.
    if (process.listenerCount('SIGTERM') === 0 && process.listenerCount('SIGINT') === 0) app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    const address = server.address();
    new Logger('ArmatureApplication').log(
      `Armature application served by worker ${adapter.workerKind === 'thread' ? 'threads' : 'processes'} on port ${address?.port} (${adapter.name} adapter)`,
    );
  }
  return server;
}

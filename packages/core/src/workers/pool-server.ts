import { EventEmitter } from 'node:events';
import type { NodeLikeServer } from '../adapters/http-adapter';
import type { WorkerServer } from './worker-server';

/**
 * What `app.listen(port, { workers })` resolves to in the primary: a node-Server-like view of the
 * whole pool (`address()`, `close()`), since no server of the primary's own listens.
 */
export class WorkerPoolServer extends EventEmitter implements NodeLikeServer {
  constructor(private readonly pool: WorkerServer) {
    super();
  }

  get listening(): boolean {
    return this.pool.address() !== null;
  }

  address(): { address: string; family: string; port: number } | null {
    return this.pool.address();
  }

  listen(): this {
    throw Object.assign(new Error('The workers already listen; close them (app.close()) to listen again'), { code: 'ERR_SERVER_ALREADY_LISTEN' });
  }

  close(callback?: (err?: Error) => void): this {
    this.pool.close().then(
      () => {
        callback?.();
        this.emit('close');
      },
      (error: Error) => {
        if (callback !== undefined) callback(error);
        else this.emit('error', error);
      },
    );
    return this;
  }
}

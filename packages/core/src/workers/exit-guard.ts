import type { WorkerUnit } from './worker-unit';

const WAIT_LIMIT_MS = 2000;

/**
 * Keeps a primary that exits abruptly (`process.exit()`, an uncaught error) from aborting.
 *
 * Node tears worker threads down when the main thread exits, without running their code; a uWS
 * thread torn down with sockets open fails an assertion (`uv_loop_close() while having open
 * handles`) and the whole process aborts (checked on this machine). The primary's 'exit' handler
 * cannot wait for a promise, but the threads still run in parallel at that point: it asks each to
 * close its sockets now, and blocks on a shared counter (Atomics.wait) until all have, for up to
 * 2 s. A graceful `close()` drains the workers first and does not need this.
 */
export class ThreadExitGuard {
  readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private readonly threads = new Set<WorkerUnit>();
  private installed = false;

  add(unit: WorkerUnit): void {
    this.threads.add(unit);
    if (!this.installed) {
      process.on('exit', this.onExit);
      this.installed = true;
    }
  }

  delete(unit: WorkerUnit): void {
    this.threads.delete(unit);
    if (this.threads.size === 0 && this.installed) {
      process.removeListener('exit', this.onExit);
      this.installed = false;
    }
  }

  private readonly onExit = (): void => {
    const target = Atomics.load(this.counter, 0) + this.threads.size;
    for (const unit of this.threads) unit.send({ armature: 'close-now' });
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (let seen = Atomics.load(this.counter, 0); seen < target && Date.now() < deadline; seen = Atomics.load(this.counter, 0)) {
      Atomics.wait(this.counter, 0, seen, Math.max(1, deadline - Date.now()));
    }
  };
}

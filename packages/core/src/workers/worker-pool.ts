import { isIPv6 } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import type { LoggerService } from '../application/logger';
import { listenForShutdown } from '../application/shutdown-signals';
import { loadCpuAffinity, planCpus } from './cpu-pinning';
import { deferred, type Deferred } from './deferred';
import { ThreadExitGuard } from './exit-guard';
import { pickFreePort } from './free-port';
import { spawnProcess } from './process-unit';
import { RestartBackoff } from './restart-backoff';
import { spawnThread } from './thread-unit';
import type { WorkerLaunch } from './worker-identity';
import type { FromWorker } from './worker-messages';
import { DEFAULT_START_TIMEOUT_MS, resolveWorkerCount } from './worker-options';
import type { WorkerServeSpec, WorkerServer } from './worker-server';
import type { SpawnWorkerUnit, WorkerUnit } from './worker-unit';

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** Time a draining worker gets beyond its own shutdown timeout before the primary gives up on it. */
const EXIT_GRACE_MS = 5000;

/** One worker position: its current run (if any) and its restart history. */
interface Slot {
  readonly index: number;
  readonly backoff: RestartBackoff;
  generation: number;
  unit?: WorkerUnit;
  ready: boolean;
  startedAt: number;
  /** What the current run reported when it failed to start. */
  failure?: Error;
  restartTimer?: NodeJS.Timeout;
  startTimer?: NodeJS.Timeout;
  /** Settles when the current run listens (resolve) or ends before it did (reject). */
  started: Deferred<void>;
  /** Settles when the current run has ended. */
  exited: Deferred<void>;
}

// "Pinning is unavailable" is said once per process, however many pools start.
let pinningNoticeGiven = false;

/** The entry a worker runs: the given one, else this process's, as `cluster` does. */
export function resolveEntry(entry: string | undefined): string {
  const candidate = entry ?? require.main?.filename ?? process.argv[1];
  if (candidate === undefined || candidate === '') {
    throw new Error('Worker mode needs the script each worker runs: pass { entry } (this process has no main script)');
  }
  return resolvePath(candidate);
}

/**
 * The primary's side of worker mode: starts the workers, restarts those that die (with backoff,
 * logged), and drains them all on `close()`. It never serves requests itself.
 */
export class WorkerPool implements WorkerServer {
  readonly role = 'primary' as const;
  private readonly slots: Slot[] = [];
  private readonly entry: string;
  private readonly spawn: SpawnWorkerUnit;
  private readonly guard = new ThreadExitGuard();
  private port = 0;
  private cpus: number[] = [];
  private running = false;
  private closing?: Promise<void>;
  private stopListeningForSignals?: () => void;

  constructor(
    private readonly spec: WorkerServeSpec,
    private readonly logger: LoggerService,
  ) {
    this.entry = resolveEntry(spec.entry);
    this.spawn = spec.kind === 'thread' ? spawnThread : spawnProcess;
  }

  /** Starts every worker; resolves once all listen, rejects (after stopping the others) if one cannot. */
  async start(): Promise<void> {
    const count = resolveWorkerCount(this.spec.workers);
    this.port = this.spec.port === 0 ? await pickFreePort(this.spec.host) : this.spec.port;
    const pin = this.spec.pin ?? count >= availableParallelism();
    this.cpus = pin ? this.planPinning(count) : [];
    for (let index = 1; index <= count; index++) {
      this.slots.push({
        index,
        backoff: new RestartBackoff(this.spec.restart === false ? undefined : this.spec.restart),
        generation: 0,
        ready: false,
        startedAt: 0,
        started: deferred(),
        exited: deferred(),
      });
    }
    const results = await Promise.allSettled(this.slots.map((slot) => this.launch(slot)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed !== undefined) {
      await this.close();
      throw failed.reason;
    }
    this.running = true;
    const noun = this.spec.kind === 'thread' ? (count === 1 ? 'thread' : 'threads') : count === 1 ? 'process' : 'processes';
    const what = `${count} worker ${noun}`;
    const pinned = this.cpus.length > 0 ? `, pinned to CPUs ${this.cpus.join(', ')}` : '';
    this.logger.log(`${what} serving port ${this.port}${pinned}`);
  }

  address(): { address: string; family: string; port: number } | null {
    if (!this.running) return null;
    const address = this.spec.host ?? '::';
    return { address, family: isIPv6(address) ? 'IPv6' : 'IPv4', port: this.port };
  }

  /** Live workers, for diagnostics: slot number, `thread 7`/`pid 42`, and restarts so far. */
  workers(): Array<{ index: number; label: string; generation: number; ready: boolean }> {
    return this.slots
      .filter((slot) => slot.unit !== undefined)
      .map((slot) => ({ index: slot.index, label: (slot.unit as WorkerUnit).label, generation: slot.generation, ready: slot.ready }));
  }

  close(): Promise<void> {
    this.closing ??= this.drainAll();
    return this.closing;
  }

  /**
   * SIGTERM/SIGINT drain the workers, then end the process with that signal. Only for signals nothing
   * else listens to: an application with shutdown hooks handles them itself (and runs its hooks).
   */
  drainOnSignals(): void {
    const unhandled = ['SIGTERM', 'SIGINT'].filter((signal) => process.listenerCount(signal) === 0);
    if (unhandled.length === 0) return;
    this.stopListeningForSignals = listenForShutdown(
      unhandled,
      () => this.close(),
      (error) => this.logger.error(`Error while draining workers: ${(error as Error)?.stack ?? String(error)}`),
    );
  }

  private launch(slot: Slot): Promise<void> {
    const launch: WorkerLaunch = {
      index: slot.index,
      kind: this.spec.kind,
      generation: slot.generation,
      port: this.port,
      host: this.spec.host,
      cpu: this.cpus[slot.index - 1],
      exitFlag: this.spec.kind === 'thread' ? this.guard.counter : undefined,
    };
    slot.ready = false;
    slot.failure = undefined;
    slot.startedAt = Date.now();
    slot.started = deferred();
    slot.exited = deferred();
    // Restarted runs are not awaited: their failures go through onExit.
    slot.started.promise.catch(() => undefined);
    try {
      const unit: WorkerUnit = this.spawn(this.entry, launch, {
        message: (message) => this.onMessage(slot, unit, message),
        exit: (code, signal, error) => this.onExit(slot, unit, code, signal, error),
      });
      slot.unit = unit;
      if (this.spec.kind === 'thread') this.guard.add(unit);
      this.watchStart(slot, unit);
    } catch (error) {
      slot.started.reject(error);
      slot.exited.resolve();
    }
    return slot.started.promise;
  }

  /** A worker that never reports (its entry never reaches `listen(..., { workers })`) fails the start instead of hanging it. */
  private watchStart(slot: Slot, unit: WorkerUnit): void {
    const timeoutMs = this.spec.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const started = slot.started;
    slot.startTimer = setTimeout(() => {
      slot.startTimer = undefined;
      started.reject(
        new Error(`Worker ${slot.index} (${unit.label}) did not listen within ${timeoutMs} ms: does ${this.entry} reach listen(..., { workers })?`),
      );
      if (this.running && this.closing === undefined && unit.kill()) this.logger.error(`Worker ${slot.index} (${unit.label}) did not listen within ${timeoutMs} ms: killed`);
    }, timeoutMs);
    const clear = () => clearTimeout(slot.startTimer);
    started.promise.then(clear, clear);
  }

  private onMessage(slot: Slot, unit: WorkerUnit, message: FromWorker): void {
    if (message.armature === 'ready') {
      slot.ready = true;
      slot.started.resolve();
      if (slot.generation > 0) this.logger.log(`Worker ${slot.index} is back (${unit.label}, restart ${slot.generation})`);
      // Asked to close while it was starting (a process may have missed the drain message).
      if (this.closing !== undefined) unit.send({ armature: 'drain' });
    } else if (message.armature === 'failed') {
      slot.failure = Object.assign(new Error(message.message), { code: message.code, stack: message.stack ?? message.message });
    } else {
      this.logger.warn(message.message);
    }
  }

  private onExit(slot: Slot, unit: WorkerUnit, code: number | null, signal: string | null, error: Error | undefined): void {
    if (slot.unit === unit) slot.unit = undefined;
    this.guard.delete(unit);
    const wasReady = slot.ready;
    slot.ready = false;
    slot.exited.resolve();
    const how = signal !== null ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!wasReady) {
      const reason =
        slot.failure ??
        error ??
        new Error(`Worker ${slot.index} (${unit.label}) ${how} before listening: does ${this.entry} reach listen(..., { workers })?`);
      slot.started.reject(reason);
    }
    if (this.closing !== undefined) return;
    // A worker of the first start that fails makes start() fail; later ones are restarted.
    if (!wasReady && !this.running) return;

    const cause = slot.failure !== undefined ? `failed to start: ${slot.failure.message}` : error !== undefined ? `crashed: ${error.stack ?? error.message}` : how;
    if (this.spec.restart === false) {
      this.logger.error(`Worker ${slot.index} (${unit.label}) ${cause}; restarts are off, it stays down`);
      return;
    }
    const delay = slot.backoff.nextDelay(wasReady ? Date.now() - slot.startedAt : 0);
    this.logger.error(`Worker ${slot.index} (${unit.label}) ${cause}`);
    this.logger.warn(`Restarting worker ${slot.index} in ${delay} ms (restart ${slot.generation + 1})`);
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (this.closing !== undefined) return;
      slot.generation++;
      void this.launch(slot);
    }, delay);
  }

  private async drainAll(): Promise<void> {
    this.stopListeningForSignals?.();
    for (const slot of this.slots) clearTimeout(slot.restartTimer);
    const live = this.slots.filter((slot) => slot.unit !== undefined);
    for (const slot of live) {
      const unit = slot.unit as WorkerUnit;
      // A process that is not serving yet has nothing to drain; a thread cannot be ended safely, it drains once ready.
      if (slot.ready || !unit.kill()) unit.send({ armature: 'drain' });
    }
    const limit = (this.spec.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS) + EXIT_GRACE_MS;
    await Promise.all(live.map((slot) => this.awaitExit(slot, limit)));
    this.running = false;
  }

  private async awaitExit(slot: Slot, limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limitMs);
    });
    const outcome = await Promise.race([slot.exited.promise.then(() => 'exited' as const), late]);
    clearTimeout(timer);
    const unit = slot.unit;
    if (outcome === 'exited' || unit === undefined) return;
    if (unit.kill()) {
      this.logger.warn(`Worker ${slot.index} (${unit.label}) did not exit within ${limitMs} ms of being asked to close: killed`);
      await slot.exited.promise;
    } else {
      this.logger.error(
        `Worker ${slot.index} (${unit.label}) did not exit within ${limitMs} ms of being asked to close. A thread cannot be ` +
          'terminated while uWS sockets are open (the process would abort), so it is left running',
      );
    }
  }

  private planPinning(count: number): number[] {
    const affinity = loadCpuAffinity();
    let allowed: number[] | undefined;
    let reason = affinity.available ? undefined : affinity.reason;
    if (affinity.available) {
      try {
        allowed = affinity.addon.getAffinity();
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    if (allowed === undefined) {
      if (!pinningNoticeGiven) this.logger.warn(`CPU pinning is unavailable (${reason}): workers run unpinned`);
      pinningNoticeGiven = true;
      return [];
    }
    return planCpus(count, allowed);
  }
}

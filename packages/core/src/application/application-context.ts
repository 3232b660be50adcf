import type { ArmatureContainer, ContextId, InjectionToken, ModuleRecord, Type } from '../di';
import { callLifecycleHook } from './lifecycle';
import { Logger, type LoggerService } from './logger';
import { listenForShutdown, ShutdownSignal } from './shutdown-signals';

/**
 * An application without HTTP (NestJS's `INestApplicationContext`): the module graph, its
 * lifecycle and lookups. `ArmatureFactory.createApplicationContext()`, the testing module and the
 * HTTP application all build on it.
 */
export class ArmatureApplicationContext {
  protected initialized = false;
  private closed = false;
  private removeShutdownListeners?: () => void;
  protected readonly logger: LoggerService = new Logger(this.constructor.name);

  constructor(protected readonly container: ArmatureContainer) {}

  /** Runs `onModuleInit` then `onApplicationBootstrap`, deepest modules first. Idempotent. */
  async init(): Promise<this> {
    if (this.initialized) return this;
    await this.beforeInitHooks();
    await callLifecycleHook(this.container.modules, 'onModuleInit');
    await callLifecycleHook(this.container.modules, 'onApplicationBootstrap');
    this.initialized = true;
    return this;
  }

  /**
   * Shuts down in NestJS's order: `onModuleDestroy`, `beforeApplicationShutdown(signal)`, then
   * whatever the context holds open (the HTTP server drains its in-flight requests), then
   * `onApplicationShutdown(signal)`.
   */
  async close(signal?: string): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.removeShutdownListeners?.();
    await callLifecycleHook(this.container.modules, 'onModuleDestroy');
    await callLifecycleHook(this.container.modules, 'beforeApplicationShutdown', signal);
    await this.dispose();
    await callLifecycleHook(this.container.modules, 'onApplicationShutdown', signal);
  }

  /** On SIGTERM/SIGINT (by default every `ShutdownSignal`), close gracefully, then exit. */
  enableShutdownHooks(signals: Array<ShutdownSignal | string> = Object.values(ShutdownSignal)): this {
    this.removeShutdownListeners?.();
    this.removeShutdownListeners = listenForShutdown(
      signals,
      (signal) => this.close(signal),
      (error) => this.logger.error(`Error during shutdown: ${(error as Error)?.stack ?? String(error)}`),
    );
    return this;
  }

  /** A provider instance (singleton); searches every module unless `{ strict: true }`. */
  get<T = unknown>(token: InjectionToken<T>, options?: { strict?: boolean }): T {
    return this.container.get(token, options);
  }

  /** A request- or transient-scoped instance, for a context (a new one if omitted). */
  resolve<T = unknown>(token: InjectionToken<T>, contextId?: ContextId, options?: { strict?: boolean }): Promise<T> {
    return this.container.resolve(token, contextId, options);
  }

  /** The module record of an imported module (NestJS's `select()` returns a context scoped to it). */
  selectModule(module: Type): ModuleRecord {
    const found = this.container.modules.find((record) => record.metatype === module);
    if (found === undefined) throw new Error(`${module.name} is not part of this application's module graph`);
    return found;
  }

  useLogger(logger: LoggerService | false): this {
    Logger.overrideLogger(logger);
    return this;
  }

  /** Hook for subclasses: work done before `onModuleInit` (the HTTP app compiles its routes). */
  protected async beforeInitHooks(): Promise<void> {}

  /** Hook for subclasses: release what the context holds (the HTTP app closes its server). */
  protected async dispose(): Promise<void> {}
}

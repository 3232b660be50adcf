import type { HttpExchange } from '../adapters/http-exchange';
import { Logger, type LoggerService } from '../application/logger';
import type { ModuleRecord } from '../di';
import type { MiddlewareFunction } from '../enhancers/interfaces';
import type { ArmatureRequest } from '../http/request';
import type { ArmatureResponse } from '../http/response';
import { writeError } from '../pipeline/error-writer';
import type { RouteDefinition } from '../router/route-definition';
import type { RouteHandle } from '../router/route-handle';
import { MiddlewareBuilder, type MiddlewareConfiguration } from './middleware-builder';
import { ALWAYS, gateFor, unmatchedGate, type Gate } from './middleware-gate';
import { globalMiddlewareInvoker, moduleMiddlewareInvoker, type MiddlewareInvoker } from './middleware-invoker';
import { withMiddlewareNeeds } from './middleware-needs';
import { createMiddlewareRunner, type MiddlewareRunner } from './middleware-runner';
import type { NestModule } from './nest-module';
import { compilePathPattern, normalizeLegacySyntax } from './path-pattern';
import { bindResponse } from './response-binding';
import { routeShapeOf } from './route-path-shape';
import { targetsOf, type MiddlewarePathOptions, type MiddlewareTarget } from './route-targets';
import type { MiddlewareStep } from './run-middleware-chain';

/** Answers an error raised by middleware on a request no route matched. */
export type UnmatchedErrorHandler = (error: unknown, request: ArmatureRequest, response: ArmatureResponse, exchange: HttpExchange) => void;

export interface MiddlewareSetup extends MiddlewarePathOptions {
  /** Default: NestJS's error body through `writeError`, logged with `logger`. */
  readonly onUnmatchedError?: UnmatchedErrorHandler;
  readonly logger?: LoggerService;
}

/** `app.use()` middleware, optionally mounted on a path (matched as a prefix, as Express does). */
interface GlobalMiddleware {
  readonly invoker: MiddlewareInvoker;
  readonly mount?: MiddlewareTarget;
}

/** A module's `apply(...).forRoutes(...)` chain, with its middleware built. */
interface PreparedChain {
  readonly invokers: readonly MiddlewareInvoker[];
  readonly include: readonly MiddlewareTarget[];
  readonly exclude: readonly MiddlewareTarget[];
}

/**
 * Every middleware of an application, and where it applies. Filled by `app.use()` and by each
 * module's `configure(consumer)` (read in `prepare()`, at init); then `compile(route)` gives each
 * route its chain, once, and `wrapUnmatched` gives 404/405 answers the middleware bound to their
 * path. Order per request: `app.use()` middleware in registration order, then module chains, root
 * module first (NestJS sorts modules by distance from the root), each module's chains in the
 * order it applied them.
 */
export class MiddlewareRegistry {
  private readonly globals: GlobalMiddleware[] = [];
  private chains: PreparedChain[] = [];
  private unmatchedRunner: MiddlewareRunner | null | undefined = undefined;
  private onUnmatchedError: UnmatchedErrorHandler = defaultErrorHandler(new Logger('ExceptionsHandler'));

  /** `app.use([path,] ...middleware)`: functions run for every request (under `path` when given). */
  use(...args: Array<string | MiddlewareFunction | MiddlewareFunction[]>): this {
    const mountPath = typeof args[0] === 'string' ? args[0] : undefined;
    const middleware = (mountPath === undefined ? args : args.slice(1)).flat();
    if (middleware.length === 0) throw new Error('app.use() requires at least one middleware function');
    const mount = mountPath === undefined ? undefined : mountTargetOf(mountPath);
    for (const entry of middleware) this.globals.push({ invoker: globalMiddlewareInvoker(entry), mount });
    this.unmatchedRunner = undefined;
    return this;
  }

  /**
   * Calls `configure(consumer)` on every module that has one and builds class middleware with
   * their module's DI. Awaited once during init, before routes are compiled.
   */
  async prepare(modules: readonly ModuleRecord[], setup: MiddlewareSetup = {}): Promise<void> {
    if (setup.onUnmatchedError !== undefined) this.onUnmatchedError = setup.onUnmatchedError;
    else if (setup.logger !== undefined) this.onUnmatchedError = defaultErrorHandler(setup.logger);
    const chains: PreparedChain[] = [];
    // A stable sort: modules at the same distance keep the container's (scan) order.
    for (const module of [...modules].sort((a, b) => a.distance - b.distance)) {
      const configure = (module.instance as Partial<NestModule>).configure;
      if (typeof configure !== 'function') continue;
      const builder = new MiddlewareBuilder();
      await configure.call(module.instance, builder);
      for (const configuration of builder.build()) chains.push(await prepareChain(configuration, module, setup));
    }
    this.chains = chains;
    this.unmatchedRunner = undefined;
  }

  /** The route's middleware chain, or undefined when none applies (the route then pays nothing). */
  compile(route: RouteDefinition): MiddlewareRunner | undefined {
    const shape = routeShapeOf(route.path);
    const steps: MiddlewareStep[] = [];
    for (const global of this.globals) {
      addSteps(steps, [global.invoker], global.mount === undefined ? ALWAYS : gateFor(route, shape, [global.mount], []));
    }
    for (const chain of this.chains) addSteps(steps, chain.invokers, gateFor(route, shape, chain.include, chain.exclude));
    return steps.length === 0 ? undefined : createMiddlewareRunner(steps);
  }

  /**
   * For the route table's misses (404, 405, 400): runs `app.use()` middleware and path-bound module
   * middleware first, so that e.g. `cors()` answers preflights on any path and helmet's headers
   * are on 404s. Returns the handle itself when no middleware could apply.
   */
  readonly wrapUnmatched = (handle: RouteHandle): RouteHandle => {
    const runner = this.unmatchedMiddleware();
    if (runner === undefined) return handle;
    return {
      needs: withMiddlewareNeeds(handle.needs),
      run: (request, exchange) => {
        const bound = bindResponse(request, exchange);
        runner.run(request, bound.response).then(
          (proceed) => {
            if (proceed) handle.run(request, bound.exchange);
          },
          (error) => this.onUnmatchedError(error, request, bound.response, bound.exchange),
        );
      },
    };
  };

  private unmatchedMiddleware(): MiddlewareRunner | undefined {
    if (this.unmatchedRunner === undefined) {
      const steps: MiddlewareStep[] = [];
      for (const global of this.globals) {
        addSteps(steps, [global.invoker], global.mount === undefined ? ALWAYS : unmatchedGate([global.mount], []));
      }
      for (const chain of this.chains) addSteps(steps, chain.invokers, unmatchedGate(chain.include, chain.exclude));
      this.unmatchedRunner = steps.length === 0 ? null : createMiddlewareRunner(steps);
    }
    return this.unmatchedRunner ?? undefined;
  }
}

/** The lead's call: the route's middleware runner, or undefined. */
export function compileMiddleware(route: RouteDefinition, registry: MiddlewareRegistry): MiddlewareRunner | undefined {
  return registry.compile(route);
}

async function prepareChain(configuration: MiddlewareConfiguration, module: ModuleRecord, setup: MiddlewarePathOptions): Promise<PreparedChain> {
  const invokers: MiddlewareInvoker[] = [];
  // One at a time, so that the first failing middleware is the one reported.
  for (const middleware of configuration.middleware) invokers.push(await moduleMiddlewareInvoker(middleware, module));
  return {
    invokers,
    include: targetsOf(configuration.forRoutes, setup, 'forRoutes'),
    exclude: targetsOf(configuration.exclude, setup, 'exclude'),
  };
}

function addSteps(steps: MiddlewareStep[], invokers: readonly MiddlewareInvoker[], gate: Gate): void {
  if (!gate.runs) return;
  for (const invoker of invokers) steps.push(gate.when === undefined ? { invoker } : { invoker, when: gate.when });
}

/** `app.use('/admin', fn)` runs for `/admin` and everything below it (Express's mount paths). */
function mountTargetOf(path: string): MiddlewareTarget | undefined {
  const normalized = normalizeLegacySyntax(path);
  if (normalized === '/' || compilePathPattern(normalized).matchesEverything) return undefined;
  return { kind: 'path', pattern: compilePathPattern(`${normalized}{/*rest}`), method: undefined };
}

function defaultErrorHandler(logger: LoggerService): UnmatchedErrorHandler {
  return (error, _request, response, exchange) => writeError(error, exchange, logger, response);
}

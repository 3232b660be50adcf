import 'reflect-metadata';
import { container as tsyringeRootContainer, type DependencyContainer } from 'tsyringe';
import { Binding } from './binding';
import type { ContainerRuntime } from './container-runtime';
import type { ContextId } from './context-id';
import { analyzeCycles, propagateRequestScope } from './dependency-graph';
import { DependencyLinker, type SpecialBindings } from './dependency-linker';
import { InvalidScopeError } from './errors';
import type { InjectionToken } from './injection-token';
import { getSingleton, introspectBinding, findBindingOrThrow, resolveInContext } from './instance-lookup';
import { Injector } from './injector';
import { assignDistances, orderForLifecycle } from './module-distance';
import { registerExports } from './module-exports';
import type { ModuleNode } from './module-node';
import type { ModuleRecord } from './module-record';
import type { IntrospectionResult } from './module-ref';
import { ModuleScanner } from './module-scanner';
import type { ModuleImport } from './module.types';
import { scopeLine } from './provider-normalizer';
import type { ProviderOverride } from './provider-override';
import { Scope } from './scope';
import { INQUIRER, REQUEST } from './tokens';
import type { Type } from './type';


export interface ContainerOptions {
  /** From @armature/testing: replace a provider (or an enhancer class) wherever it is declared. */
  providerOverrides?: Map<InjectionToken, ProviderOverride>;
  /**
   * From @armature/testing: replace an imported module. A class key also replaces dynamic imports of that class
   * (e.g. ConfigModule matches ConfigModule.forRoot({...})).
   */
  moduleOverrides?: Map<ModuleImport, ModuleImport>;
  /** Framework modules (global, e.g. the one providing `Reflector`) scanned beside the root module. */
  coreModules?: readonly ModuleImport[];
}

export interface LookupOptions {
  /** true: the root module's own providers and controllers only; false (default): every module. */
  strict?: boolean;
}

class ApplicationRuntime implements ContainerRuntime {
  readonly injector = new Injector();
  readonly linker: DependencyLinker;
  readonly store: DependencyContainer = tsyringeRootContainer.createChildContainer();
  modules: ModuleNode[] = [];

  constructor(
    readonly specials: SpecialBindings,
    readonly providerOverrides: ReadonlyMap<InjectionToken, ProviderOverride> | undefined,
  ) {
    this.linker = new DependencyLinker(specials, () => this.modules);
  }
}

function createSpecialBindings(): SpecialBindings {
  return {
    request: new Binding(REQUEST, 'REQUEST', 'special', undefined, { kind: 'request', scope: Scope.REQUEST }),
    inquirer: new Binding(INQUIRER, 'INQUIRER', 'special', undefined, { kind: 'inquirer', scope: Scope.TRANSIENT }),
  };
}

/** A booted module graph: every module scanned and linked, every singleton built. */
export class ArmatureContainer {
  private constructor(
    private readonly runtime: ApplicationRuntime,
    private readonly rootNode: ModuleNode,
    /** Every module, ordered for lifecycle hooks: deepest imports first, root module last. */
    readonly modules: readonly ModuleRecord[],
  ) {}

  /** Scans from `root`, checks the graph (visibility, exports, cycles, scopes), then builds every singleton. */
  static async create(root: ModuleImport, options: ContainerOptions = {}): Promise<ArmatureContainer> {
    const runtime = new ApplicationRuntime(createSpecialBindings(), options.providerOverrides);
    const scanner = new ModuleScanner(runtime, options.moduleOverrides);
    const rootNode = await scanner.scan(root, options.coreModules);
    const nodes = scanner.nodes;
    runtime.modules = nodes;

    for (const node of nodes) node.registerProviders();
    for (const node of nodes) registerExports(node);
    const globals = nodes.filter((node) => node.isGlobal);
    for (const node of nodes) node.bindGlobals(globals);
    assignDistances(rootNode, nodes);

    const bindings = nodes.flatMap((node) => node.bootBindings());
    for (const binding of bindings) runtime.linker.link(binding);
    const graph = [...bindings.filter((binding) => binding.kind !== 'alias'), runtime.specials.request, runtime.specials.inquirer];
    propagateRequestScope(graph);
    analyzeCycles(graph);
    assertModulesAreSingletons(nodes);

    await runtime.injector.instantiateSingletons(
      nodes.map((node) => node.bootBindings().filter((binding) => binding.kind !== 'alias' && binding.isSingleton)),
    );
    return new ArmatureContainer(runtime, rootNode, orderForLifecycle(nodes));
  }

  get root(): ModuleRecord {
    return this.rootNode;
  }

  /** app.get(): a singleton. Non-strict by default (every module, root first); `{ strict: true }`: root module only. */
  get<T = any>(token: InjectionToken<T>, options: LookupOptions = {}): T {
    const strict = options.strict ?? false;
    return getSingleton(token, strict ? [this.rootNode] : this.runtime.modules, this.runtime, strict ? this.rootNode : undefined) as T;
  }

  /** app.resolve(): the instance for a context (a new context when omitted); singletons come back as they are. */
  resolve<T = any>(token: InjectionToken<T>, contextId?: ContextId, options: LookupOptions = {}): Promise<T> {
    const strict = options.strict ?? false;
    return resolveInContext(token, strict ? [this.rootNode] : this.runtime.modules, this.runtime, strict ? this.rootNode : undefined, contextId) as Promise<T>;
  }

  /** Makes `request` the value of REQUEST for everything resolved in this context. */
  registerRequestByContextId(request: unknown, contextId: ContextId): void {
    this.runtime.injector.contextFor(contextId).request = request;
  }

  introspect(token: InjectionToken): IntrospectionResult {
    return introspectBinding(findBindingOrThrow(token, this.runtime.modules, this.runtime, undefined));
  }

  /** app.select(): the first module instance of this class (a dynamic module imported twice has two). */
  findModule(metatype: Type): ModuleRecord | undefined {
    return this.runtime.modules.find((node) => node.metatype === metatype);
  }
}

function assertModulesAreSingletons(nodes: readonly ModuleNode[]): void {
  for (const node of nodes) {
    const binding = node.moduleBinding;
    if (binding.isTreeStatic) continue;
    const culprit = binding.deps.find((dependency) => dependency.target && !dependency.target.isTreeStatic)?.target;
    throw new InvalidScopeError(
      `The ${node.name} module class depends on ${culprit ? culprit.name : 'a provider'}, which is request-scoped (directly or through its ` +
        `dependencies). A module class is a singleton: inject a singleton there, or use ModuleRef.resolve() when handling a request.` +
        scopeLine(node),
    );
  }
}

import type { DependencyContainer } from 'tsyringe';
import { Binding } from './binding';
import { classDefinition, createBinding, bindingFromProvider, undefinedEntryMessage, scopeLine } from './provider-normalizer';
import { getClassScope } from './class-scope';
import type { ContainerRuntime } from './container-runtime';
import type { ContextId } from './context-id';
import { computeStaticness } from './dependency-graph';
import { InvalidProviderError, InvalidScopeError, UndefinedProviderError, UnknownElementError } from './errors';
import type { InjectionToken } from './injection-token';
import { BoundModuleRef } from './bound-module-ref';
import type { ModuleRecord } from './module-record';

/** Tokens whose providers become global enhancers (see enhancers/app-tokens.ts). */
const APP_ENHANCER_TOKENS = new Set(['APP_GUARD', 'APP_INTERCEPTOR', 'APP_PIPE', 'APP_FILTER']);
import { ModuleRef } from './module-ref';
import { Scope } from './scope';
import type { Type } from './type';
import { lookupVisible } from './visibility';

/** A module's metadata: its @Module() merged with the dynamic module that imported it, if any. */
export interface MergedModuleMetadata {
  readonly imports: readonly unknown[];
  readonly providers: readonly unknown[];
  readonly controllers: readonly unknown[];
  readonly exports: readonly unknown[];
}

/** One module instance of the application graph (a dynamic module imported with other metadata is another node). */
export class ModuleNode implements ModuleRecord {
  distance = 0;
  /** Modules listed in imports (after forwardRef/override/dynamic resolution). */
  readonly imports: ModuleNode[] = [];
  readonly providers = new Map<InjectionToken, Binding>();
  readonly controllerBindings = new Map<Function, Binding>();
  readonly controllers: Type[] = [];
  readonly exportedTokens = new Set<InjectionToken>();
  readonly exportedModules = new Set<Function>();
  readonly moduleRef: ModuleRef;
  readonly moduleBinding: Binding;
  /** tsyringe child container holding this module's built singletons, by token: what get() reads. */
  readonly store: DependencyContainer;
  private readonly enhancers = new Map<Function, Binding>();
  private readonly appEnhancerBindings: Array<[token: string, binding: Binding]> = [];
  private readonly lookups = new Map<InjectionToken, Binding | undefined>();
  private importsWithGlobals: readonly ModuleNode[] = this.imports;

  constructor(
    readonly metatype: Type,
    readonly metadata: MergedModuleMetadata,
    readonly isGlobal: boolean,
    /** Module names from the root to this module, for error messages. */
    readonly importPath: readonly string[],
    private readonly runtime: ContainerRuntime,
  ) {
    this.store = runtime.store.createChildContainer();
    this.moduleRef = new BoundModuleRef(this, runtime);
    this.moduleBinding = new Binding(metatype, metatype.name, 'module', this, classDefinition(metatype, Scope.DEFAULT));
  }

  get name(): string {
    return this.metatype.name;
  }

  get instance(): object {
    return this.runtime.injector.readStatic(this.moduleBinding) as object;
  }

  /** Imports plus every global module: what this module's lookups walk through. */
  visibleImports(): readonly ModuleNode[] {
    return this.importsWithGlobals;
  }

  bindGlobals(globals: readonly ModuleNode[]): void {
    const extra = globals.filter((global) => global !== this && !this.imports.includes(global));
    this.importsWithGlobals = extra.length ? [...this.imports, ...extra] : this.imports;
  }

  registerProviders(): void {
    // The module class and its ModuleRef are injectable inside the module, as in NestJS.
    this.providers.set(this.metatype, this.moduleBinding);
    this.providers.set(ModuleRef, new Binding(ModuleRef, 'ModuleRef', 'module-ref', this, { kind: 'value', scope: Scope.DEFAULT, value: this.moduleRef }));
    this.metadata.providers.forEach((provider, index) => {
      const binding = bindingFromProvider(provider, this, index, this.runtime.providerOverrides);
      if (APP_ENHANCER_TOKENS.has(binding.token as string)) {
        // Several APP_GUARD (etc.) providers may live in one module: each gets a key of its own, as in NestJS.
        const key = Symbol(`${String(binding.token)} (${this.name} #${index})`);
        this.providers.set(key, binding);
        this.appEnhancerBindings.push([binding.token as string, binding]);
        return;
      }
      this.providers.set(binding.token, binding);
    });
    this.metadata.controllers.forEach((controller, index) => {
      if (controller === undefined || controller === null) throw new UndefinedProviderError(undefinedEntryMessage(this, 'controllers', index));
      if (typeof controller !== 'function') {
        throw new InvalidProviderError(`Invalid controller at index [${index}] of ${this.name}'s "controllers" array: expected a class.${scopeLine(this)}`);
      }
      const type = controller as Type;
      this.controllerBindings.set(type, new Binding(type, type.name, 'controller', this, classDefinition(type, getClassScope(type))));
      this.controllers.push(type);
    });
  }

  /** Bindings built at boot, in NestJS's order: module class, providers, controllers. */
  bootBindings(): Binding[] {
    return [...this.providers.values(), ...this.controllerBindings.values()];
  }

  /** What `token` resolves to in this module. Cached: the graph no longer changes once linking starts. */
  lookup(token: InjectionToken): Binding | undefined {
    if (this.lookups.has(token)) return this.lookups.get(token);
    const found = lookupVisible(this, token);
    this.lookups.set(token, found);
    return found;
  }

  /** Strict lookup (ModuleRef.get default): this module's own providers and controllers. */
  ownBinding(token: InjectionToken): Binding | undefined {
    return this.providers.get(token) ?? this.controllerBindings.get(token as Function);
  }

  publish(binding: Binding, value: unknown): void {
    if (binding.role === 'enhancer' || binding.role === 'detached') return;
    if (binding.role === 'controller' && this.providers.has(binding.token)) return;
    const token = binding.token as Type;
    // tsyringe treats `useValue: null/undefined` as "not a value provider", so nullish values go through a factory.
    if (value === undefined || value === null) this.store.register(token, { useFactory: () => value });
    else this.store.registerInstance(token, value);
  }

  readPublished(binding: Binding): unknown {
    if (binding.role === 'enhancer' || binding.role === 'detached') return binding.staticSlot.value;
    return this.store.resolve(binding.token as Type);
  }

  // ModuleRecord

  lifecycleTargets(): object[] {
    const targets = new Set<object>();
    const add = (binding: Binding): void => {
      if (binding.kind === 'alias' || !binding.isSingleton || !binding.staticSlot.done) return;
      const value = binding.staticSlot.value;
      if ((typeof value === 'object' || typeof value === 'function') && value !== null) targets.add(value);
    };
    for (const binding of this.controllerBindings.values()) add(binding);
    for (const binding of this.providers.values()) {
      if (binding.role === 'provider') add(binding);
    }
    for (const binding of this.enhancers.values()) add(binding);
    targets.delete(this.instance);
    return [...targets, this.instance];
  }

  appEnhancers(): Array<{ token: string; instance: unknown }> {
    return this.appEnhancerBindings.map(([token, binding]) => ({ token, instance: this.runtime.injector.readStatic(binding) }));
  }

  isStatic(type: Type): boolean {
    const binding = this.classBinding(type);
    return (binding.aliasTarget ?? binding).isSingleton;
  }

  getInstance<T>(type: Type<T>): T {
    const binding = this.controllerBindings.get(type) ?? this.providers.get(type) ?? this.enhancers.get(type);
    if (!binding) {
      throw new UnknownElementError(`${type.name} is neither a controller nor a provider of ${this.name}.`);
    }
    return this.runtime.injector.readStatic(binding) as T;
  }

  resolvePerContext<T>(type: Type<T>, contextId: ContextId, request: unknown): Promise<T> {
    const binding = this.classBinding(type);
    const context = this.runtime.injector.contextFor(contextId, request);
    return this.runtime.injector.resolveTopLevel(binding.aliasTarget ?? binding, context) as Promise<T>;
  }

  async instantiateEnhancer<T>(type: Type<T>): Promise<T> {
    const binding = this.enhancerBinding(type);
    if (!binding.isSingleton) {
      throw new InvalidScopeError(
        `${type.name} (used in ${this.name}) is ${binding.isTransient ? 'TRANSIENT' : 'request-scoped (directly or through its dependencies)'}: ` +
          `it has no single instance. Use resolvePerContext() for it.`,
      );
    }
    return (await this.runtime.injector.resolveTopLevel(binding, this.runtime.injector.staticContext)) as T;
  }

  /** A controller, a provider registered under its class, or else an enhancer of this module. */
  private classBinding(type: Type): Binding {
    return this.controllerBindings.get(type) ?? this.providers.get(type) ?? this.enhancerBinding(type);
  }

  /** Enhancers are per module and separate from providers of the same class (as in NestJS). */
  private enhancerBinding(type: Type): Binding {
    let binding = this.enhancers.get(type);
    if (!binding) {
      if (typeof type !== 'function') throw new InvalidProviderError(`${this.name}: expected a class, received ${String(type)}.`);
      binding = createBinding(type, 'enhancer', this, classDefinition(type, getClassScope(type)), this.runtime.providerOverrides);
      this.runtime.linker.link(binding);
      computeStaticness(binding);
      this.enhancers.set(type, binding);
    }
    return binding;
  }
}

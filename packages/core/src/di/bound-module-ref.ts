import { classDefinition, createBinding } from './provider-normalizer';
import { getClassScope } from './class-scope';
import type { ContainerRuntime } from './container-runtime';
import { createContextId, type ContextId } from './context-id';
import { computeStaticness } from './dependency-graph';
import type { InjectionToken } from './injection-token';
import { findBindingOrThrow, findBindings, getSingleton, introspectBinding, resolveInContext } from './instance-lookup';
import type { ModuleNode } from './module-node';
import { ModuleRef, type IntrospectionResult, type ModuleRefGetOptions, type ModuleRefResolveOptions } from './module-ref';
import type { Type } from './type';

/** The ModuleRef each module injects: strict lookups stay inside that module. */
export class BoundModuleRef extends ModuleRef {
  constructor(
    private readonly node: ModuleNode,
    private readonly runtime: ContainerRuntime,
  ) {
    super();
  }

  get<T = any>(token: InjectionToken<T>, options?: ModuleRefGetOptions & { each?: false }): T;
  get<T = any>(token: InjectionToken<T>, options: ModuleRefGetOptions & { each: true }): T[];
  get<T = any>(token: InjectionToken<T>, options: ModuleRefGetOptions = {}): T | T[] {
    const strict = options.strict ?? true;
    const modules = strict ? [this.node] : this.runtime.modules;
    if (options.each) {
      findBindingOrThrow(token, modules, this.runtime, strict ? this.node : undefined);
      return findBindings(token, modules).map((binding) => this.runtime.injector.readStatic(binding) as T);
    }
    return getSingleton(token, modules, this.runtime, strict ? this.node : undefined) as T;
  }

  resolve<T = any>(token: InjectionToken<T>, contextId?: ContextId, options: ModuleRefResolveOptions = {}): Promise<T> {
    const strict = options.strict ?? true;
    const modules = strict ? [this.node] : this.runtime.modules;
    return resolveInContext(token, modules, this.runtime, strict ? this.node : undefined, contextId) as Promise<T>;
  }

  async create<T = any>(type: Type<T>, contextId?: ContextId): Promise<T> {
    const binding = createBinding(type, 'detached', this.node, classDefinition(type, getClassScope(type)), undefined);
    this.runtime.linker.link(binding);
    computeStaticness(binding);
    const injector = this.runtime.injector;
    const context = binding.isTreeStatic ? injector.staticContext : injector.contextFor(contextId ?? createContextId());
    return (await injector.buildDetached(binding, context)) as T;
  }

  registerRequestByContextId<T = any>(request: T, contextId: ContextId): void {
    this.runtime.injector.contextFor(contextId).request = request;
  }

  introspect<T = any>(token: InjectionToken<T>): IntrospectionResult {
    return introspectBinding(findBindingOrThrow(token, this.runtime.modules, this.runtime, undefined));
  }
}

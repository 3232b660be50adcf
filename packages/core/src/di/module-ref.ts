import type { ContextId } from './context-id';
import type { InjectionToken } from './injection-token';
import type { Scope } from './scope';
import type { Type } from './type';

export interface ModuleRefGetOptions {
  /** true (default for ModuleRef): this module's own providers and controllers only; false: every module. */
  strict?: boolean;
  /** Return every match (one per module providing the token) instead of the first. */
  each?: boolean;
}

export interface ModuleRefResolveOptions {
  strict?: boolean;
}

export interface IntrospectionResult {
  /** REQUEST when the provider is request-scoped directly or through its dependencies. */
  scope: Scope;
}

/**
 * Inject it anywhere to reach providers dynamically; it is bound to the module of the class that injects it.
 * Abstract so it can serve as its own injection token.
 */
export abstract class ModuleRef {
  /** A singleton instance. Throws for TRANSIENT and request-scoped providers: use resolve() for those. */
  abstract get<T = any>(token: InjectionToken<T>, options?: ModuleRefGetOptions & { each?: false }): T;
  abstract get<T = any>(token: InjectionToken<T>, options: ModuleRefGetOptions & { each: true }): T[];
  /**
   * The instance for a context: one per context for REQUEST-scoped (and bubbled) providers, one per context for a
   * TRANSIENT one; singletons come back as they are. Without a context id, a new context is used.
   */
  abstract resolve<T = any>(token: InjectionToken<T>, contextId?: ContextId, options?: ModuleRefResolveOptions): Promise<T>;
  /** Instantiates a class that is not registered as a provider, with this module's visibility. A new instance per call. */
  abstract create<T = any>(type: Type<T>, contextId?: ContextId): Promise<T>;
  /** Makes `request` the value of REQUEST for everything resolved in this context. */
  abstract registerRequestByContextId<T = any>(request: T, contextId: ContextId): void;
  abstract introspect<T = any>(token: InjectionToken<T>): IntrospectionResult;
}

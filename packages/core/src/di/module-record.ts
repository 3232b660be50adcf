import type { ContextId } from './context-id';
import type { ModuleRef } from './module-ref';
import type { Type } from './type';

/** One module of a running application, as the application layer (lifecycle hooks, routing) sees it. */
export interface ModuleRecord {
  /** The module class. */
  readonly metatype: Type;
  /** The class name. */
  readonly name: string;
  /** Depth from the root module along imports (root = 0; a module imported at several depths takes the deepest). */
  readonly distance: number;
  readonly isGlobal: boolean;
  /** The module class instance (it can have lifecycle hooks and inject things). */
  readonly instance: object;
  readonly controllers: readonly Type[];
  readonly moduleRef: ModuleRef;
  /**
   * Singleton instances for lifecycle hooks, in NestJS order: controllers, then providers, then enhancers built so
   * far (no TRANSIENT, no request-scoped, each object once), then the module instance itself last.
   */
  lifecycleTargets(): object[];
  /** False when the class depends (transitively) on a REQUEST-scoped provider or is REQUEST/TRANSIENT scoped itself. */
  isStatic(type: Type): boolean;
  /** The singleton instance of a static controller or provider of this module. */
  getInstance<T>(type: Type<T>): T;
  /**
   * Builds (or reuses within this context) a request-scoped controller/provider/enhancer and its scoped
   * dependency tree, with `REQUEST` bound to `request`.
   */
  resolvePerContext<T>(type: Type<T>, contextId: ContextId, request: unknown): Promise<T>;
  /** Instances of this module's `APP_GUARD`/`APP_INTERCEPTOR`/`APP_PIPE`/`APP_FILTER` providers, in declaration order. */
  appEnhancers(): Array<{ token: string; instance: unknown }>;
  /** Instantiates a class that is not a provider (guard, pipe, interceptor...) with this module's visibility; one per module per class. */
  instantiateEnhancer<T>(type: Type<T>): Promise<T>;
}

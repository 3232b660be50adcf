import type { DependencyContainer } from 'tsyringe';
import type { DependencyLinker } from './dependency-linker';
import type { InjectionToken } from './injection-token';
import type { Injector } from './injector';
import type { ModuleNode } from './module-node';
import type { ProviderOverride } from './provider-override';

/** What every module of one application shares. */
export interface ContainerRuntime {
  readonly injector: Injector;
  readonly linker: DependencyLinker;
  readonly providerOverrides: ReadonlyMap<InjectionToken, ProviderOverride> | undefined;
  /** The application's tsyringe container; each module's container is a child of it. */
  readonly store: DependencyContainer;
  /** Every module, in the order non-strict lookups search them (root first, then scan order). */
  readonly modules: readonly ModuleNode[];
}

import type { ModuleRecord } from '../di';

export interface OnModuleInit {
  onModuleInit(): unknown;
}
export interface OnApplicationBootstrap {
  onApplicationBootstrap(): unknown;
}
export interface OnModuleDestroy {
  onModuleDestroy(): unknown;
}
export interface BeforeApplicationShutdown {
  beforeApplicationShutdown(signal?: string): unknown;
}
export interface OnApplicationShutdown {
  onApplicationShutdown(signal?: string): unknown;
}

export type LifecycleHook =
  | 'onModuleInit'
  | 'onApplicationBootstrap'
  | 'onModuleDestroy'
  | 'beforeApplicationShutdown'
  | 'onApplicationShutdown';

/**
 * Calls a hook NestJS's way: module by module, deepest imports first; inside a module the
 * controllers' and providers' hooks run together (awaited as a group), then the module class's own.
 */
export async function callLifecycleHook(modules: readonly ModuleRecord[], hook: LifecycleHook, signal?: string): Promise<void> {
  for (const module of modules) {
    const targets = module.lifecycleTargets().filter((target) => target !== module.instance);
    await Promise.all(targets.map((target) => invokeHook(target, hook, signal)));
    await invokeHook(module.instance, hook, signal);
  }
}

async function invokeHook(target: object, hook: LifecycleHook, signal: string | undefined): Promise<void> {
  const method = (target as Record<string, unknown>)[hook];
  if (typeof method === 'function') await method.call(target, signal);
}

import type { CanActivate, EnhancerRef, ExceptionFilter, ModuleRecord, NestInterceptor, PipeTransform, Type } from '@armature/core';

/** `APP_GUARD`/`APP_INTERCEPTOR`/`APP_PIPE`/`APP_FILTER` providers: they apply to gateways too, as in NestJS. */
export interface GlobalEnhancerRefs {
  guards: Array<EnhancerRef<CanActivate>>;
  interceptors: Array<EnhancerRef<NestInterceptor>>;
  pipes: Array<EnhancerRef<PipeTransform>>;
  filters: Array<EnhancerRef<ExceptionFilter>>;
}

export function collectAppEnhancers(modules: readonly ModuleRecord[]): GlobalEnhancerRefs {
  const globals: GlobalEnhancerRefs = { guards: [], interceptors: [], pipes: [], filters: [] };
  const byToken: Record<string, unknown[]> = { APP_GUARD: globals.guards, APP_INTERCEPTOR: globals.interceptors, APP_PIPE: globals.pipes, APP_FILTER: globals.filters };
  for (const module of modules) for (const { token, instance } of module.appEnhancers()) byToken[token]?.push(instance);
  return globals;
}

/** Classes are built with the gateway module's DI (one per module per class); instances are used as given. */
export async function instancesOf<T>(refs: ReadonlyArray<EnhancerRef<T>>, module: ModuleRecord): Promise<T[]> {
  const instances: T[] = [];
  for (const ref of refs) instances.push(typeof ref === 'function' ? await module.instantiateEnhancer(ref as Type<T>) : (ref as T));
  return instances;
}

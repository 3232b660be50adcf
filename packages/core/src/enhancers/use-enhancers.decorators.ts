import { FILTERS_METADATA, GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA } from './metadata-keys';
import type { CanActivate, EnhancerRef, ExceptionFilter, NestInterceptor, PipeTransform } from './interfaces';

/**
 * Appends enhancers to a controller class or a handler. Several decorators of the same kind add up
 * in reading order, as NestJS's do.
 */
function appendEnhancers(key: string, kind: string, enhancers: unknown[]) {
  for (const enhancer of enhancers) {
    if (enhancer === undefined || enhancer === null || (typeof enhancer !== 'function' && typeof enhancer !== 'object')) {
      throw new Error(`Invalid ${kind} passed to @Use${kind}s(): ${String(enhancer)} (usually a circular file import)`);
    }
  }
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const holder = descriptor === undefined ? target : (descriptor.value as object);
    const existing: unknown[] = Reflect.getOwnMetadata(key, holder) ?? [];
    Reflect.defineMetadata(key, [...enhancers, ...existing], holder);
  };
}

type ClassOrMethodDecorator = ClassDecorator & MethodDecorator;

export const UseGuards = (...guards: Array<EnhancerRef<CanActivate>>): ClassOrMethodDecorator =>
  appendEnhancers(GUARDS_METADATA, 'Guard', guards) as ClassOrMethodDecorator;
export const UseInterceptors = (...interceptors: Array<EnhancerRef<NestInterceptor>>): ClassOrMethodDecorator =>
  appendEnhancers(INTERCEPTORS_METADATA, 'Interceptor', interceptors) as ClassOrMethodDecorator;
export const UsePipes = (...pipes: Array<EnhancerRef<PipeTransform>>): ClassOrMethodDecorator =>
  appendEnhancers(PIPES_METADATA, 'Pipe', pipes) as ClassOrMethodDecorator;
export const UseFilters = (...filters: Array<EnhancerRef<ExceptionFilter>>): ClassOrMethodDecorator =>
  appendEnhancers(FILTERS_METADATA, 'Filter', filters) as ClassOrMethodDecorator;

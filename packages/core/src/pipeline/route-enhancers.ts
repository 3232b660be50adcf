import type { ModuleRecord, Type } from '../di';
import type { RouteDefinition } from '../router/route-definition';
import { RouteParamtype } from '../decorators/param.decorators';
import { FILTERS_METADATA, GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA } from '../enhancers/metadata-keys';
import type { CanActivate, EnhancerRef, ExceptionFilter, NestInterceptor, PipeTransform } from '../enhancers/interfaces';

/** Enhancers that apply to every route: `app.useGlobal*()` plus `APP_*` providers. */
export interface GlobalEnhancers {
  guards: Array<EnhancerRef<CanActivate>>;
  interceptors: Array<EnhancerRef<NestInterceptor>>;
  pipes: Array<EnhancerRef<PipeTransform>>;
  filters: Array<EnhancerRef<ExceptionFilter>>;
}

/** Every enhancer instance one route runs, resolved once at boot, in execution order. */
export interface RouteEnhancers {
  guards: CanActivate[];
  interceptors: NestInterceptor[];
  /** Global → controller → method pipes, applied to every pipeable argument. */
  pipes: PipeTransform[];
  /** Per parameter index: the pipes given inline (`@Param('id', ParseIntPipe)`). */
  paramPipes: Map<number, PipeTransform[]>;
  /** Most specific first: method, then controller, then global (later-declared first within a level). */
  filters: ExceptionFilter[];
  /** True when one of the interceptors reads multipart bodies itself (file uploads). */
  consumesMultipart: boolean;
  /** The upload interceptor's own total-size limit (`limits.totalSize`), replacing the app's body limit. */
  multipartBodyLimit: number | undefined;
}

const PIPEABLE = new Set([RouteParamtype.BODY, RouteParamtype.QUERY, RouteParamtype.PARAM, RouteParamtype.CUSTOM, RouteParamtype.FILE, RouteParamtype.FILES]);

export function isPipeable(type: RouteParamtype): boolean {
  return PIPEABLE.has(type);
}

/** Builds the route's enhancer instances (classes through DI in the route's module). */
export async function resolveRouteEnhancers(route: RouteDefinition, globals: GlobalEnhancers): Promise<RouteEnhancers> {
  const module = route.module;
  const declared = <T>(key: string): Array<EnhancerRef<T>> => [
    ...((Reflect.getMetadata(key, route.controller) as Array<EnhancerRef<T>> | undefined) ?? []),
    ...((Reflect.getMetadata(key, route.handler) as Array<EnhancerRef<T>> | undefined) ?? []),
  ];
  const interceptorRefs = [...globals.interceptors, ...declared<NestInterceptor>(INTERCEPTORS_METADATA)];
  const paramPipes = new Map<number, PipeTransform[]>();
  for (const param of route.params) {
    if (param.pipes.length > 0) paramPipes.set(param.index, await instancesOf(param.pipes as Array<EnhancerRef<PipeTransform>>, module));
  }
  return {
    guards: await instancesOf([...globals.guards, ...declared<CanActivate>(GUARDS_METADATA)], module),
    interceptors: await instancesOf(interceptorRefs, module),
    pipes: await instancesOf([...globals.pipes, ...declared<PipeTransform>(PIPES_METADATA)], module),
    paramPipes,
    filters: (await instancesOf([...globals.filters, ...declared<ExceptionFilter>(FILTERS_METADATA)], module)).reverse(),
    consumesMultipart: interceptorRefs.some(consumesMultipart),
    multipartBodyLimit: interceptorRefs.map(multipartLimitOf).find((limit) => limit !== undefined),
  };
}

export function hasAnyEnhancer(enhancers: RouteEnhancers): boolean {
  return (
    enhancers.guards.length > 0 ||
    enhancers.interceptors.length > 0 ||
    enhancers.pipes.length > 0 ||
    enhancers.paramPipes.size > 0 ||
    enhancers.filters.length > 0
  );
}

/** File interceptors mark their class with statics `consumesMultipart` and `bodyLimit` (see uploads/). */
function multipartMarks(ref: EnhancerRef<NestInterceptor>): { consumesMultipart?: boolean; bodyLimit?: number } {
  return (typeof ref === 'function' ? ref : (ref as object).constructor) as { consumesMultipart?: boolean; bodyLimit?: number };
}

function consumesMultipart(ref: EnhancerRef<NestInterceptor>): boolean {
  return multipartMarks(ref).consumesMultipart === true;
}

function multipartLimitOf(ref: EnhancerRef<NestInterceptor>): number | undefined {
  const marks = multipartMarks(ref);
  return marks.consumesMultipart === true ? marks.bodyLimit : undefined;
}

/** Classes are instantiated with the module's DI (one per module per class); instances are used as given. */
async function instancesOf<T>(refs: Array<EnhancerRef<T>>, module: ModuleRecord): Promise<T[]> {
  const instances: T[] = [];
  for (const ref of refs) instances.push(typeof ref === 'function' ? await module.instantiateEnhancer(ref as Type<T>) : (ref as T));
  return instances;
}

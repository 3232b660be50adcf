import {
  FILTERS_METADATA,
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  PIPES_METADATA,
  type CanActivate,
  type EnhancerRef,
  type ExceptionFilter,
  type NestInterceptor,
  type PipeTransform,
} from '@armature/core';
import type { GatewayInstance } from './gateway-instance';
import { instancesOf, type GlobalEnhancerRefs } from './global-enhancers';

/** The enhancer instances one message handler runs, resolved once at init. */
export interface MessageEnhancers {
  guards: CanActivate[];
  interceptors: NestInterceptor[];
  /** Global → gateway → method pipes, for every `@MessageBody` and custom parameter. */
  pipes: PipeTransform[];
  /** Most specific first: method, gateway, global. */
  filters: ExceptionFilter[];
}

/** Same order rules as HTTP routes (`pipeline/route-enhancers.ts` in core): global, class, method. */
export async function resolveMessageEnhancers(gateway: GatewayInstance, handler: Function, globals: GlobalEnhancerRefs): Promise<MessageEnhancers> {
  const declared = <T>(key: string): Array<EnhancerRef<T>> => [
    ...((Reflect.getMetadata(key, gateway.type) as Array<EnhancerRef<T>> | undefined) ?? []),
    ...((Reflect.getMetadata(key, handler) as Array<EnhancerRef<T>> | undefined) ?? []),
  ];
  const module = gateway.module;
  return {
    guards: await instancesOf([...globals.guards, ...declared<CanActivate>(GUARDS_METADATA)], module),
    interceptors: await instancesOf([...globals.interceptors, ...declared<NestInterceptor>(INTERCEPTORS_METADATA)], module),
    pipes: await instancesOf([...globals.pipes, ...declared<PipeTransform>(PIPES_METADATA)], module),
    filters: (await instancesOf([...globals.filters, ...declared<ExceptionFilter>(FILTERS_METADATA)], module)).reverse(),
  };
}

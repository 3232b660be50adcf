import type { EnhancerRef, PipeTransform } from '@armature/core';
import { WS_PARAMS_METADATA } from '../metadata-keys';

export type WsParamType = 'body' | 'socket';

export interface WsParamMetadata {
  readonly index: number;
  readonly type: WsParamType;
  /** `@MessageBody('text')`: the property of `data` to pick. */
  readonly property?: string;
  readonly pipes: ReadonlyArray<EnhancerRef<PipeTransform>>;
}

function recordParam(type: WsParamType, property?: string, pipes: ReadonlyArray<EnhancerRef<PipeTransform>> = []): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) return; // constructor parameters belong to DI
    const list: WsParamMetadata[] = Reflect.getMetadata(WS_PARAMS_METADATA, target.constructor, key) ?? [];
    const next = [...list.filter((p) => p.index !== index), { index, type, property, pipes }].sort((a, b) => a.index - b.index);
    Reflect.defineMetadata(WS_PARAMS_METADATA, next, target.constructor, key);
  };
}

/** The message's `data` (or one property of it), through the given pipes: `@MessageBody('id', ParseIntPipe)`. */
export function MessageBody(propertyOrPipe?: string | EnhancerRef<PipeTransform>, ...pipes: Array<EnhancerRef<PipeTransform>>): ParameterDecorator {
  return typeof propertyOrPipe === 'string' || propertyOrPipe === undefined
    ? recordParam('body', propertyOrPipe, pipes)
    : recordParam('body', undefined, [propertyOrPipe, ...pipes]);
}

/** The client the message came from (a `WsClient`). */
export function ConnectedSocket(): ParameterDecorator {
  return recordParam('socket');
}

export function wsParamsOf(type: Function, methodName: string): readonly WsParamMetadata[] {
  return (Reflect.getMetadata(WS_PARAMS_METADATA, type, methodName) as WsParamMetadata[] | undefined) ?? [];
}

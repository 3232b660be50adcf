import { ROUTE_ARGS_METADATA, RouteParamtype, type ArgumentMetadata, type ExecutionContext, type PipeTransform } from '@armature/core';
import { wsParamsOf } from '../decorators/param.decorators';
import type { WsClient } from '../server/ws-client';
import type { GatewayInstance } from './gateway-instance';
import { instancesOf } from './global-enhancers';

/** How one argument is read, and which pipes transform it. */
export interface ArgumentSpec {
  read(client: WsClient, data: unknown, context: () => ExecutionContext): unknown;
  readonly pipes: readonly PipeTransform[];
  readonly metadata: ArgumentMetadata;
  /** Custom parameter decorators read the execution context. */
  readonly needsContext: boolean;
}

interface CustomParam {
  index: number;
  type: RouteParamtype;
  pipes: unknown[];
  factory?: (data: unknown, context: unknown) => unknown;
  customData?: unknown;
}

const readClient: ArgumentSpec['read'] = (client) => client;
const readData: ArgumentSpec['read'] = (_client, data) => data;

/**
 * The handler's arguments by position. Without any parameter decorator a handler gets NestJS's
 * defaults, `(client, data)`; otherwise `@MessageBody()`, `@ConnectedSocket()` and
 * `createParamDecorator` parameters, the rest undefined. Undefined when the defaults apply.
 */
export async function argumentSpecs(gateway: GatewayInstance, methodName: string, sharedPipes: readonly PipeTransform[]): Promise<ArgumentSpec[] | undefined> {
  const wsParams = wsParamsOf(gateway.type, methodName);
  const custom = ((Reflect.getMetadata(ROUTE_ARGS_METADATA, gateway.type, methodName) as CustomParam[] | undefined) ?? []).filter((p) => p.type === RouteParamtype.CUSTOM);
  if (wsParams.length === 0 && custom.length === 0) return undefined;
  const paramTypes: unknown[] = Reflect.getMetadata('design:paramtypes', gateway.type.prototype, methodName) ?? [];
  const count = Math.max(0, ...wsParams.map((p) => p.index + 1), ...custom.map((p) => p.index + 1));
  const specs: ArgumentSpec[] = [];
  for (let index = 0; index < count; index++) {
    const metatype = paramTypes[index] as ArgumentMetadata['metatype'];
    const ws = wsParams.find((p) => p.index === index);
    const customParam = custom.find((p) => p.index === index);
    if (ws?.type === 'socket') {
      specs.push({ read: readClient, pipes: [], metadata: { type: 'custom', metatype }, needsContext: false });
    } else if (ws?.type === 'body') {
      const property = ws.property;
      const own = await instancesOf(ws.pipes, gateway.module);
      const read: ArgumentSpec['read'] =
        property === undefined ? readData : (_client, data) => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[property] : undefined);
      specs.push({ read, pipes: [...sharedPipes, ...own], metadata: { type: 'body', metatype, data: property }, needsContext: false });
    } else if (customParam?.factory !== undefined) {
      const factory = customParam.factory;
      const customData = customParam.customData;
      const own = await instancesOf(customParam.pipes as PipeTransform[], gateway.module);
      specs.push({
        read: (_client, _data, context) => factory(customData, context()),
        pipes: [...sharedPipes, ...own],
        metadata: { type: 'custom', metatype, data: typeof customData === 'string' ? customData : undefined },
        needsContext: true,
      });
    } else {
      specs.push({ read: () => undefined, pipes: [], metadata: { type: 'custom', metatype }, needsContext: false });
    }
  }
  return specs;
}

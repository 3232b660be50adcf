import { Injectable } from '@armature/core';
import { GATEWAY_METADATA } from '../metadata-keys';
import type { GatewayMetadata, GatewayOptions } from '../interfaces/gateway-options';

/**
 * Marks a provider as a WebSocket gateway: `@WebSocketGateway({ path: '/chat' })`. List it in a
 * module's `providers`; its `@SubscribeMessage` methods answer `{ event, data }` messages.
 * NestJS's `@WebSocketGateway(port, options)` form is accepted; gateways share the HTTP port.
 */
export function WebSocketGateway(portOrOptions?: number | GatewayOptions, maybeOptions?: GatewayOptions): ClassDecorator {
  const port = typeof portOrOptions === 'number' ? portOrOptions : undefined;
  const options = (typeof portOrOptions === 'object' ? portOrOptions : maybeOptions) ?? {};
  return (target) => {
    const metadata: GatewayMetadata = { port, options };
    Reflect.defineMetadata(GATEWAY_METADATA, metadata, target);
    Injectable()(target);
  };
}

export function gatewayMetadataOf(type: Function): GatewayMetadata | undefined {
  return Reflect.getMetadata(GATEWAY_METADATA, type) as GatewayMetadata | undefined;
}

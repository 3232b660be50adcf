import { isMainThread } from 'node:worker_threads';
import type { ApplicationExtensionAttachment, ApplicationExtensionContext, CanActivate } from '@armature/core';
import { messageMappingsOf } from '../decorators/subscribe-message.decorator';
import { serverPropertiesOf } from '../decorators/web-socket-server.decorator';
import type { GatewayOptions } from '../interfaces/gateway-options';
import { isBroadcastBus, type BroadcastBus } from '../scale/broadcast-bus';
import { WorkerThreadsWsAdapter } from '../scale/worker-threads-ws-adapter';
import { Backpressure } from '../server/backpressure';
import { WsServer } from '../server/ws-server';
import { compileMessageHandler, type MessageHandler } from './compile-message-handler';
import { exploreGateways, gatewayPath } from './explore-gateways';
import type { GatewayInstance } from './gateway-instance';
import { gatewayRouteHandlers } from './gateway-route';
import { collectAppEnhancers, instancesOf } from './global-enhancers';
import { createUpgradeStep, upgradeHandlerOf } from './upgrade-guards';

/**
 * Opens every gateway of the application on the adapter's WebSocket host: one route per path (the
 * gateways sharing a path share its server, rooms and events), then `afterInit`. Returns what
 * `app.close()` runs: every client closed with 1001, the scale-out adapter closed.
 */
export async function attachGateways(context: ApplicationExtensionContext): Promise<ApplicationExtensionAttachment | void> {
  const gateways = exploreGateways(context.modules);
  if (gateways.length === 0) return;
  const host = context.webSocketHost();
  const bus = broadcastBusFor(context.webSocketAdapter);
  const globals = collectAppEnhancers(context.modules);
  const servers = new Map<string, WsServer>();

  for (const [path, group] of groupByPath(gateways)) {
    const options = mergedOptions(group);
    const backpressure = new Backpressure(options.backpressure);
    const server = new WsServer(path, host, backpressure, bus);
    const handlers = new Map<string, MessageHandler>();
    const guards: CanActivate[] = [];
    for (const gateway of group) {
      if (gateway.metadata.port !== undefined && gateway.metadata.port !== 0) {
        context.logger.warn(`${gateway.type.name}: gateways share the HTTP port in Armature; @WebSocketGateway(${gateway.metadata.port}) is served on ${path} of that port`);
      }
      for (const mapping of messageMappingsOf(gateway.type)) {
        const known = handlers.get(mapping.event);
        const handler = await compileMessageHandler(gateway, mapping, globals);
        if (known !== undefined) throw new Error(`WebSocket event "${mapping.event}" on ${path} is handled twice: by ${known.name} and by ${handler.name}`);
        handlers.set(mapping.event, handler);
      }
      guards.push(...(await instancesOf(gateway.metadata.options.upgradeGuards ?? [], gateway.module)));
      for (const property of serverPropertiesOf(gateway.type)) (gateway.instance as Record<string | symbol, unknown>)[property] = server;
    }
    const upgrade = createUpgradeStep(guards, group[0].type, upgradeHandlerOf(group[0].type));
    host.route(path, gatewayRouteHandlers({ path, server, gateways: group, handlers, upgrade, invalidMessage: options.invalidMessage ?? 'reply' }), {
      maxPayloadLength: options.maxPayloadLength,
      idleTimeout: options.idleTimeout,
      maxBackpressure: backpressure.hostLimit,
    });
    servers.set(path, server);
    const names = group.map((g) => g.type.name).join(', ');
    context.logger.log(`Mapped {${path}, WS} gateway ${names} (${[...handlers.keys()].join(', ') || 'no events'})`);
  }

  await bus?.start([...servers.keys()], (envelope) => servers.get(envelope.path)?.receive(envelope));
  for (const gateway of gateways) {
    const afterInit = (gateway.instance as { afterInit?: (server: WsServer) => unknown }).afterInit;
    if (typeof afterInit === 'function') await afterInit.call(gateway.instance, servers.get(gatewayPath(gateway)) as WsServer);
  }

  return {
    async close() {
      await host.closeAll();
      for (const server of servers.values()) server.dispose();
      await bus?.close();
    },
  };
}

/** `app.useWebSocketAdapter(bus)` wins; in a worker thread, the threads of the process share rooms by default. */
function broadcastBusFor(option: unknown): BroadcastBus | undefined {
  if (option === undefined || option === null) return isMainThread ? undefined : new WorkerThreadsWsAdapter();
  if (isBroadcastBus(option)) return option;
  throw new Error('app.useWebSocketAdapter() expects a broadcast adapter of @armature/websocket (RedisWsAdapter, WorkerThreadsWsAdapter) or another BroadcastBus');
}

function groupByPath(gateways: readonly GatewayInstance[]): Map<string, GatewayInstance[]> {
  const groups = new Map<string, GatewayInstance[]>();
  for (const gateway of gateways) {
    const path = gatewayPath(gateway);
    const group = groups.get(path);
    if (group === undefined) groups.set(path, [gateway]);
    else group.push(gateway);
  }
  return groups;
}

/** Gateways sharing a path share one route: for each limit, the first gateway that sets it decides. */
function mergedOptions(group: readonly GatewayInstance[]): GatewayOptions {
  const merged: GatewayOptions = {};
  for (const { metadata } of group) {
    const options = metadata.options;
    merged.maxPayloadLength ??= options.maxPayloadLength;
    merged.idleTimeout ??= options.idleTimeout;
    merged.backpressure ??= options.backpressure;
    merged.invalidMessage ??= options.invalidMessage;
  }
  return merged;
}

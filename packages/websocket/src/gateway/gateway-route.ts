import { Logger, type WebSocketHandlers, type WebSocketUpgradeRequest, type WebSocketUpgradeResult } from '@armature/core';
import { EXCEPTION_EVENT } from '../errors/exception-payload';
import type { GatewayOptions } from '../interfaces/gateway-options';
import { DecodeFailure, decodeMessage } from '../messages/message-codec';
import { WsClient, type ClientSlot } from '../server/ws-client';
import type { WsServer } from '../server/ws-server';
import type { GatewayInstance } from './gateway-instance';
import type { MessageHandler } from './compile-message-handler';

/** RFC 6455 "invalid frame payload data": the message was not what the gateway reads. */
const CLOSE_INVALID_PAYLOAD = 1007;

const logger = new Logger('WebSocketGateway');

export interface GatewayRouteParts {
  readonly path: string;
  readonly server: WsServer;
  readonly gateways: readonly GatewayInstance[];
  readonly handlers: ReadonlyMap<string, MessageHandler>;
  readonly upgrade: (request: WebSocketUpgradeRequest) => WebSocketUpgradeResult<ClientSlot> | Promise<WebSocketUpgradeResult<ClientSlot>>;
  readonly invalidMessage: NonNullable<GatewayOptions['invalidMessage']>;
}

/**
 * The host callbacks of one gateway path: clients are created at open, messages are decoded and
 * dispatched by event, and the connection hooks of every gateway on the path run.
 */
export function gatewayRouteHandlers(parts: GatewayRouteParts): WebSocketHandlers<ClientSlot> {
  const { server, handlers, invalidMessage } = parts;
  const connectionHooks = parts.gateways.filter((g) => typeof (g.instance as Hooks).handleConnection === 'function');
  const disconnectHooks = parts.gateways.filter((g) => typeof (g.instance as Hooks).handleDisconnect === 'function');

  return {
    upgrade: parts.upgrade,
    open(connection) {
      const slot = connection.data;
      const client = new WsClient(connection, slot.request, server);
      slot.client = client;
      server.addClient(client);
      for (const gateway of connectionHooks) runHook(gateway, 'handleConnection', () => (gateway.instance as Hooks).handleConnection!(client, slot.request));
    },
    // HOT PATH: every message of every client.
    message(connection, bytes) {
      const client = connection.data.client as WsClient;
      const message = decodeMessage(bytes);
      if (message instanceof DecodeFailure) {
        if (invalidMessage === 'close') client.close(CLOSE_INVALID_PAYLOAD, message.reason);
        else client.emit(EXCEPTION_EVENT, { status: 'error', message: message.reason });
        return;
      }
      const handler = handlers.get(message.event);
      if (handler === undefined) {
        client.emit(EXCEPTION_EVENT, { status: 'error', message: `There is no handler for event "${message.event}"`, cause: { pattern: message.event, data: message.data } });
        return;
      }
      handler.run(client, message.data);
    },
    drain(connection) {
      connection.data.client?.onDrain();
    },
    close(connection) {
      const client = connection.data.client;
      if (client === undefined) return;
      server.removeClient(client);
      for (const gateway of disconnectHooks) runHook(gateway, 'handleDisconnect', () => (gateway.instance as Hooks).handleDisconnect!(client));
    },
  };
}

interface Hooks {
  handleConnection?(client: WsClient, request: unknown): unknown;
  handleDisconnect?(client: WsClient): unknown;
}

/** A hook's failure is logged; it never reaches the socket loop. */
function runHook(gateway: GatewayInstance, hook: string, call: () => unknown): void {
  const report = (error: unknown): void => logger.error(`${gateway.type.name}.${hook}() failed`, error instanceof Error ? error.stack : String(error));
  try {
    const result = call();
    if (result instanceof Promise) result.catch(report);
  } catch (error) {
    report(error);
  }
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  DEFAULT_WS_IDLE_TIMEOUT,
  DEFAULT_WS_MAX_BACKPRESSURE,
  DEFAULT_WS_MAX_PAYLOAD,
  WS_CLOSE_GOING_AWAY,
  type LoggerService,
  type WebSocketHandlers,
  type WebSocketHost,
  type WebSocketMessage,
  type WebSocketRouteOptions,
  type WebSocketUpgradeResult,
} from '@armature/core';
import { WebSocketServer, type WebSocket } from 'ws';
import { NodeWebSocketConnection, type NodeTopicRegistry } from './websocket-connection';
import { describeUpgrade, refusal, writeRefusal } from './websocket-upgrade';

const SHUTDOWN_REASON = 'Server shutting down';
const DEFAULT_CLOSE_TIMEOUT_MS = 3000;

interface NodeRoute {
  readonly path: string;
  readonly server: WebSocketServer;
  readonly handlers: WebSocketHandlers<unknown>;
  readonly maxBackpressure: number;
  readonly idleMs: number;
  heartbeat: NodeJS.Timeout | undefined;
  readonly connections: Set<NodeWebSocketConnection<unknown>>;
}

/**
 * WebSocket routes on a node `http.Server`, on the `ws` package, with the behaviour of the uWS host:
 * topics (kept here, in JS), uWS's send/backpressure statuses, an idle timeout kept alive by pings,
 * 1009 for oversized messages (ws's own check), and 1001 on graceful close.
 */
export class NodeWebSocketHost implements WebSocketHost, NodeTopicRegistry {
  readonly kind = 'node';
  private readonly exact = new Map<string, NodeRoute>();
  private readonly prefixes: Array<[prefix: string, route: NodeRoute]> = [];
  private readonly topics = new Map<string, Set<NodeWebSocketConnection<unknown>>>();
  private readonly pendingUpgrades = new Set<Duplex>();
  private connections = 0;
  /** Set by the adapter during a graceful close: new upgrades get a 503. */
  refusingUpgrades = false;

  constructor(private readonly logger: () => LoggerService | null) {}

  get connectionCount(): number {
    return this.connections;
  }

  route<T>(path: string, handlers: WebSocketHandlers<T>, options: WebSocketRouteOptions = {}): void {
    if (this.exact.has(path) || this.prefixes.some(([, route]) => route.path === path)) throw new Error(`WebSocket route ${path} is already registered`);
    const route: NodeRoute = {
      path,
      // Compression stays off, as on uWS; clientTracking off: the route tracks its own connections.
      server: new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload: options.maxPayloadLength ?? DEFAULT_WS_MAX_PAYLOAD }),
      handlers: handlers as WebSocketHandlers<unknown>,
      maxBackpressure: options.maxBackpressure ?? DEFAULT_WS_MAX_BACKPRESSURE,
      idleMs: (options.idleTimeout ?? DEFAULT_WS_IDLE_TIMEOUT) * 1000,
      heartbeat: undefined,
      connections: new Set(),
    };
    if (path.endsWith('/*')) this.prefixes.push([path.slice(0, -1), route]);
    else this.exact.set(path, route);
  }

  /** The server's `upgrade` listener. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const upgrade = describeUpgrade(request);
    const route = this.routeFor(upgrade.path);
    if (route === undefined) return writeRefusal(socket, refusal(404, `Cannot GET ${upgrade.path}`));
    if (this.refusingUpgrades) return writeRefusal(socket, refusal(503, 'Server is shutting down'));
    const decide = route.handlers.upgrade;
    if (decide === undefined) return this.accept(route, request, socket, head, {});
    // The socket may go away while an auth check is pending: never upgrade a dead one.
    const onError = (): void => void socket.destroy();
    socket.on('error', onError);
    this.pendingUpgrades.add(socket);
    const settle = (result: WebSocketUpgradeResult<unknown>): void => {
      this.pendingUpgrades.delete(socket);
      socket.removeListener('error', onError);
      if (socket.destroyed) return;
      if (!result.accept) return writeRefusal(socket, result);
      if (this.refusingUpgrades) return writeRefusal(socket, refusal(503, 'Server is shutting down'));
      this.accept(route, request, socket, head, result.data);
    };
    const fail = (error: unknown): void => {
      this.report(`upgrade handler for ${route.path}`, error);
      settle(refusal(500, 'Internal server error'));
    };
    try {
      const result = decide(upgrade);
      if (result instanceof Promise) result.then(settle, fail);
      else settle(result);
    } catch (error) {
      fail(error);
    }
  };

  publish(topic: string, message: WebSocketMessage, isBinary = false, except?: NodeWebSocketConnection<unknown>): void {
    const subscribers = this.topics.get(topic);
    if (subscribers === undefined) return;
    // Set iteration tolerates deletions made meanwhile (a send that closes a socket leaves the topic).
    for (const connection of subscribers) if (connection !== except) connection.send(message, isBinary);
  }

  numSubscribers(topic: string): number {
    return this.topics.get(topic)?.size ?? 0;
  }

  subscribe(connection: NodeWebSocketConnection<unknown>, topic: string): boolean {
    if (connection.topics.has(topic)) return false;
    connection.topics.add(topic);
    let subscribers = this.topics.get(topic);
    if (subscribers === undefined) this.topics.set(topic, (subscribers = new Set()));
    subscribers.add(connection);
    return true;
  }

  /** The topic disappears with its last subscriber, in the same synchronous step. */
  unsubscribe(connection: NodeWebSocketConnection<unknown>, topic: string): boolean {
    if (!connection.topics.delete(topic)) return false;
    const subscribers = this.topics.get(topic);
    if (subscribers !== undefined && subscribers.delete(connection) && subscribers.size === 0) this.topics.delete(topic);
    return true;
  }

  /** Sends a closing frame to everyone, then drops whoever has not completed the handshake after `timeoutMs`. */
  async closeAll(code = WS_CLOSE_GOING_AWAY, reason = SHUTDOWN_REASON, timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    for (const socket of this.pendingUpgrades) socket.destroy();
    const routes = [...this.exact.values(), ...this.prefixes.map(([, route]) => route)];
    const closing: Array<Promise<void>> = [];
    for (const route of routes) {
      for (const connection of route.connections) {
        closing.push(connection.closed);
        connection.end(code, reason);
      }
    }
    if (closing.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([Promise.all(closing), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') for (const route of routes) for (const connection of route.connections) connection.terminate();
  }

  private routeFor(path: string): NodeRoute | undefined {
    const exact = this.exact.get(path);
    if (exact !== undefined) return exact;
    for (const [prefix, route] of this.prefixes) if (path.startsWith(prefix) || `${path}/` === prefix) return route;
    return undefined;
  }

  private accept(route: NodeRoute, request: IncomingMessage, socket: Duplex, head: Buffer, data: unknown): void {
    const remoteAddress = request.socket.remoteAddress ?? '';
    route.server.handleUpgrade(request, socket, head, (ws) => this.opened(route, ws, socket, data, remoteAddress));
  }

  private opened(route: NodeRoute, ws: WebSocket, socket: Duplex, data: unknown, remoteAddress: string): void {
    const { handlers } = route;
    const connection: NodeWebSocketConnection<unknown> = new NodeWebSocketConnection(ws, socket, data, remoteAddress, route.maxBackpressure, this, () =>
      this.guard('drain', route, () => handlers.drain?.(connection)),
    );
    route.connections.add(connection);
    this.connections++;
    this.startHeartbeat(route);
    // Protocol errors (bad frames, invalid UTF-8, oversized messages): ws closes with the right code itself.
    ws.on('error', () => undefined);
    ws.on('pong', () => {
      connection.awaitingPong = false;
    });
    ws.on('message', (message: Buffer, isBinary: boolean) => {
      connection.awaitingPong = false;
      if (connection.isOpen) this.guard('message', route, () => handlers.message?.(connection, message, isBinary));
    });
    ws.once('close', (code: number, reason: Buffer) => {
      connection.isOpen = false;
      for (const topic of [...connection.topics]) this.unsubscribe(connection, topic);
      route.connections.delete(connection);
      this.connections--;
      if (route.connections.size === 0) this.stopHeartbeat(route);
      this.guard('close', route, () => handlers.close?.(connection, code, reason.toString('utf8')));
      connection.markClosed();
    });
    this.guard('open', route, () => handlers.open?.(connection));
  }

  /**
   * One timer per route, only while it has connections: each tick pings every connection, and one
   * that has not answered the previous ping (nor sent anything) is dropped (uWS's idle timeout).
   */
  private startHeartbeat(route: NodeRoute): void {
    if (route.heartbeat !== undefined || route.idleMs <= 0) return;
    route.heartbeat = setInterval(() => {
      for (const connection of route.connections) {
        if (connection.awaitingPong) connection.terminate();
        else connection.ping();
      }
    }, route.idleMs / 2);
    route.heartbeat.unref();
  }

  private stopHeartbeat(route: NodeRoute): void {
    clearInterval(route.heartbeat);
    route.heartbeat = undefined;
  }

  private guard(what: string, route: NodeRoute, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.report(`${what} handler for ${route.path}`, error);
    }
  }

  private report(what: string, error: unknown): void {
    this.logger()?.error(`WebSocket ${what} threw`, error instanceof Error ? error.stack : String(error), 'NodeWebSocketHost');
  }
}

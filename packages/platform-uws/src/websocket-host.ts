import { isMainThread } from 'node:worker_threads';
import {
  DEFAULT_WS_IDLE_TIMEOUT,
  DEFAULT_WS_MAX_BACKPRESSURE,
  DEFAULT_WS_MAX_PAYLOAD,
  WS_CLOSE_GOING_AWAY,
  WS_CLOSE_MESSAGE_TOO_BIG,
  type LoggerService,
  type WebSocketHandlers,
  type WebSocketHost,
  type WebSocketMessage,
  type WebSocketRouteOptions,
} from '@armature/core';
import type { WebSocket } from '@trufflesuite/uws-js-unofficial';
import { UwsWebSocketConnection, type UwsSocketData } from './websocket-connection';
import { createUpgradeHandler } from './websocket-upgrade';
import type { UwsApp } from './uws-types';

/** uWS aborts the process for idle timeouts outside 8..960 s (0 disables). */
const MIN_IDLE_TIMEOUT = 8;
const MAX_IDLE_TIMEOUT = 960;
const TOO_BIG_REASON = 'Message too big';
const SHUTDOWN_REASON = 'Server shutting down';

/**
 * WebSocket routes and topics on the adapter's uWS app. Topics are uWS's: `publish` is one native
 * call whatever the number of subscribers. Each route is a uWS `ws` pattern, which uWS matches
 * before the adapter's catch-all HTTP route; a plain GET on the same path falls through to HTTP.
 */
export class UwsWebSocketHost implements WebSocketHost {
  readonly kind = 'uws';
  private readonly open = new Set<UwsWebSocketConnection<unknown>>();
  private closing = false;
  private exitHookInstalled = false;

  constructor(
    private readonly app: UwsApp,
    private readonly logger: () => LoggerService | null,
  ) {}

  get connectionCount(): number {
    return this.open.size;
  }

  route<T>(path: string, handlers: WebSocketHandlers<T>, options: WebSocketRouteOptions = {}): void {
    const limit = options.maxPayloadLength ?? DEFAULT_WS_MAX_PAYLOAD;
    const open = this.open as Set<UwsWebSocketConnection<T>>;
    const report = (what: string, error: unknown): void =>
      this.logger()?.error(`WebSocket ${what} handler for ${path} threw`, error instanceof Error ? error.stack : String(error), 'UwsWebSocketHost');
    this.installExitHook();
    this.app.ws<UwsSocketData<T>>(path, {
      // uWS drops a message over its own limit without a closing frame (the peer sees 1006), so its
      // limit sits above ours and the JS check below answers 1009; only far larger ones get dropped.
      maxPayloadLength: limit + Math.max(limit, 16 * 1024),
      idleTimeout: uwsIdleTimeout(options.idleTimeout ?? DEFAULT_WS_IDLE_TIMEOUT),
      sendPingsAutomatically: true,
      maxBackpressure: options.maxBackpressure ?? DEFAULT_WS_MAX_BACKPRESSURE,
      closeOnBackpressureLimit: 0,
      upgrade: createUpgradeHandler(handlers, () => this.closing, this.logger),
      open: (ws: WebSocket<UwsSocketData<T>>) => {
        const socketData = ws.getUserData();
        const connection = new UwsWebSocketConnection(ws, socketData.data, socketData.remoteAddress);
        socketData.connection = connection;
        open.add(connection);
        try {
          handlers.open?.(connection);
        } catch (error) {
          report('open', error);
        }
      },
      message: (ws: WebSocket<UwsSocketData<T>>, message: ArrayBuffer, isBinary: boolean) => {
        const connection = ws.getUserData().connection as UwsWebSocketConnection<T>;
        if (message.byteLength > limit) {
          connection.end(WS_CLOSE_MESSAGE_TOO_BIG, TOO_BIG_REASON);
          return;
        }
        try {
          handlers.message?.(connection, new Uint8Array(message), isBinary);
        } catch (error) {
          report('message', error);
        }
      },
      drain: (ws: WebSocket<UwsSocketData<T>>) => {
        const connection = ws.getUserData().connection as UwsWebSocketConnection<T>;
        try {
          handlers.drain?.(connection);
        } catch (error) {
          report('drain', error);
        }
      },
      close: (ws: WebSocket<UwsSocketData<T>>, code: number, message: ArrayBuffer) => {
        const connection = ws.getUserData().connection as UwsWebSocketConnection<T>;
        connection.isOpen = false;
        open.delete(connection);
        try {
          handlers.close?.(connection, code, Buffer.from(message).toString('utf8'));
        } catch (error) {
          report('close', error);
        }
      },
    });
  }

  publish(topic: string, message: WebSocketMessage, isBinary = false): void {
    this.app.publish(topic, message, isBinary);
  }

  numSubscribers(topic: string): number {
    return this.app.numSubscribers(topic);
  }

  /** uWS's `end()` runs the close handler at once, so every socket is closed when this returns. */
  closeAll(code = WS_CLOSE_GOING_AWAY, reason = SHUTDOWN_REASON): Promise<void> {
    for (const connection of [...this.open]) connection.end(code, reason);
    return Promise.resolve();
  }

  /** Set by the adapter for the length of a graceful close: upgrades arriving meanwhile get a 503. */
  set refusingUpgrades(value: boolean) {
    this.closing = value;
  }

  /**
   * A worker thread that exits with WebSockets open aborts the whole process (uWS's handles are
   * still on the thread's loop): on exit, close them and the app first.
   */
  private installExitHook(): void {
    if (isMainThread || this.exitHookInstalled) return;
    this.exitHookInstalled = true;
    process.once('exit', () => {
      for (const connection of [...this.open]) connection.end(WS_CLOSE_GOING_AWAY, SHUTDOWN_REASON);
      this.app.close();
    });
  }
}

function uwsIdleTimeout(seconds: number): number {
  if (seconds <= 0) return 0;
  return Math.min(MAX_IDLE_TIMEOUT, Math.max(MIN_IDLE_TIMEOUT, Math.round(seconds)));
}

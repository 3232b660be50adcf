import type { IncomingHeaders } from '../http/request';

/**
 * The WebSocket side of an HTTP adapter: WebSocket routes on the same port as HTTP, and topic
 * pub/sub. On uWS, topics are uWS's own (one native call reaches every subscriber); on node they
 * are emulated over the `ws` package. `@armature/websocket` builds gateways on this contract, and
 * `app.ws(path, handlers)` exposes it directly.
 */
export interface WebSocketHost {
  /** `uws` or `node`, for logs. */
  readonly kind: string;
  /**
   * Opens a WebSocket route. `path` is exact (`/chat`) or a prefix ending in `/*` (`/rooms/*`).
   * Plain HTTP requests to the same path still reach the HTTP routes.
   */
  route<T>(path: string, handlers: WebSocketHandlers<T>, options?: WebSocketRouteOptions): void;
  /** Sends to every subscriber of `topic` on this host (this process or worker thread only). */
  publish(topic: string, message: WebSocketMessage, isBinary?: boolean): void;
  /** Subscribers of `topic` on this host. */
  numSubscribers(topic: string): number;
  /** Open connections on every route of this host. */
  readonly connectionCount: number;
  /**
   * Graceful close: sends a close frame with `code` (default 1001, going away) to every open
   * connection. Their `close` handlers run; what is still open after `timeoutMs` is dropped.
   */
  closeAll(code?: number, reason?: string, timeoutMs?: number): Promise<void>;
}

/** What can be sent: text as a string, binary as bytes. */
export type WebSocketMessage = string | Uint8Array | ArrayBuffer;

/** `send()` outcomes, with uWS's numbering. */
export const WebSocketSendStatus = {
  /** Written, but the socket now holds unsent data: wait for `drain` before sending much more. */
  BACKPRESSURE: 0,
  SUCCESS: 1,
  /** Not sent: the socket already held more than `maxBackpressure` bytes. */
  DROPPED: 2,
} as const;
export type WebSocketSendStatus = (typeof WebSocketSendStatus)[keyof typeof WebSocketSendStatus];

/** One open WebSocket, the same on every adapter. Valid from `open` until `close`. */
export interface WebSocketConnection<T = unknown> {
  /** What the `upgrade` handler accepted the connection with. */
  readonly data: T;
  /** The peer's IP address as text. */
  readonly remoteAddress: string;
  /** False once the connection is closing or closed: sends are then ignored. */
  readonly isOpen: boolean;
  send(message: WebSocketMessage, isBinary?: boolean): WebSocketSendStatus;
  /** Closing handshake with a code (default 1000) and a short reason (at most 123 bytes). */
  end(code?: number, reason?: string): void;
  /** Drops the TCP connection without a closing handshake (the peer sees 1006). */
  terminate(): void;
  subscribe(topic: string): boolean;
  unsubscribe(topic: string): boolean;
  isSubscribed(topic: string): boolean;
  /** Sends to every subscriber of `topic` except this connection. */
  publish(topic: string, message: WebSocketMessage, isBinary?: boolean): void;
  /** Bytes waiting to be written to the socket. */
  getBufferedAmount(): number;
  /** Packs the sends made inside `fn` into one write (uWS corking; a plain call elsewhere). */
  cork(fn: () => void): void;
}

/** What an upgrade handler sees of the HTTP request, copied before any await. */
export interface WebSocketUpgradeRequest {
  /** The path without the query. */
  readonly path: string;
  /** The raw query string, without `?` ('' when none). */
  readonly query: string;
  /** Lower-case header names. */
  readonly headers: IncomingHeaders;
  readonly remoteAddress: string;
}

/** Accept with per-connection data, or refuse with an HTTP status (the socket is never opened). */
export type WebSocketUpgradeResult<T> =
  | { readonly accept: true; readonly data: T }
  | { readonly accept: false; readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> };

/**
 * Callbacks of one WebSocket route. `message` bytes are only valid during the call (uWS reuses
 * them): copy what you keep.
 */
export interface WebSocketHandlers<T = unknown> {
  /** Runs before the upgrade; without it every upgrade is accepted with `data` = `{}`. */
  upgrade?(request: WebSocketUpgradeRequest): WebSocketUpgradeResult<T> | Promise<WebSocketUpgradeResult<T>>;
  open?(connection: WebSocketConnection<T>): void;
  message?(connection: WebSocketConnection<T>, message: Uint8Array, isBinary: boolean): void;
  /** The socket's backpressure went down: sending can resume. */
  drain?(connection: WebSocketConnection<T>): void;
  /** The connection is gone (`code` 1006 when it dropped without a closing handshake). */
  close?(connection: WebSocketConnection<T>, code: number, reason: string): void;
}

export interface WebSocketRouteOptions {
  /** Largest accepted message in bytes (default 64 KiB); larger → closed with 1009. */
  maxPayloadLength?: number;
  /** Seconds without any traffic before the connection is closed; pings keep live peers open. 0 disables. Default 120. */
  idleTimeout?: number;
  /** Bytes a socket may hold unsent; a send beyond it is dropped (`DROPPED`). Default 1 MiB. */
  maxBackpressure?: number;
}

export const DEFAULT_WS_MAX_PAYLOAD = 64 * 1024;
export const DEFAULT_WS_IDLE_TIMEOUT = 120;
export const DEFAULT_WS_MAX_BACKPRESSURE = 1024 * 1024;
/** RFC 6455: the peer's message was larger than the server accepts. */
export const WS_CLOSE_MESSAGE_TOO_BIG = 1009;
/** RFC 6455: the server is going away (shutdown). */
export const WS_CLOSE_GOING_AWAY = 1001;

import type { CanActivate, EnhancerRef } from '@armature/core';

/** What a slow client's backlog leads to once it holds more than `limit` unsent bytes. */
export type BackpressurePolicy = 'drop' | 'close' | 'wait';

export interface BackpressureOptions {
  /** Unsent bytes a client may hold before the policy applies. Default 1 MiB. */
  limit?: number;
  /**
   * - `drop` (default): messages for that client are dropped until it catches up; it stays connected.
   * - `close`: the client is closed with 1008 (policy violation).
   * - `wait`: nothing is dropped while the backlog stays under `maxBuffered`; `client.emit()` returns
   *   false above `limit` and `await client.drained()` lets a producer wait; beyond `maxBuffered` → 1008.
   */
  policy?: BackpressurePolicy;
  /** `wait` only: the hard cap on one client's backlog. Default 4 × `limit`. */
  maxBuffered?: number;
}

/** `@WebSocketGateway(options)`: NestJS's options, plus the limits Armature enforces. */
export interface GatewayOptions {
  /** The URL path the gateway answers upgrades on (same port as HTTP). `/x/*` takes every path under `/x/`. Default `/`. */
  path?: string;
  /** socket.io-style name for the path: `'chat'` → `/chat`. */
  namespace?: string;
  /** Largest accepted message, in bytes (default 64 KiB); larger → close 1009. */
  maxPayloadLength?: number;
  /** Seconds of silence before a connection is dropped; pings keep live clients open. 0 disables. Default 120. */
  idleTimeout?: number;
  backpressure?: BackpressureOptions;
  /**
   * Guards run on the HTTP upgrade request, before the socket opens: they see an `ArmatureRequest`
   * (headers, query, ip) through `context.switchToHttp().getRequest()`. `false` → 403; a thrown
   * `HttpException` (e.g. `UnauthorizedException`) → its status. Classes are built by DI.
   */
  upgradeGuards?: Array<EnhancerRef<CanActivate>>;
  /** A message that is not JSON `{ event, data }`: answered with an `exception` event (default), or closed with 1007. */
  invalidMessage?: 'reply' | 'close';
}

export interface GatewayMetadata {
  /** NestJS's separate port; Armature serves gateways on the HTTP port (0 or undefined). */
  readonly port: number | undefined;
  readonly options: GatewayOptions;
}

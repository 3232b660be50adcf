import type { EventEmitter } from 'node:events';
import type { RouteTableView } from '../router/route-handle';
import type { LoggerService } from '../application/logger';
import type { WebSocketHost } from './websocket-host';

/** Limits and services the application hands to its adapter at init. */
export interface AdapterOptions {
  /** Largest accepted request body in bytes; larger → 413. */
  readonly bodyLimit: number;
  /** Largest accepted request header block in bytes; larger → 431. */
  readonly maxHeaderSize: number;
  readonly logger: LoggerService;
}

/** The node `http.Server` surface supertest and NestJS-style e2e tests rely on. */
export interface NodeLikeServer extends EventEmitter {
  listen(...args: unknown[]): this;
  close(callback?: (err?: Error) => void): this;
  address(): { address: string; family: string; port: number } | string | null;
  readonly listening: boolean;
}

/**
 * An HTTP server implementation Armature can run on. `@armature/platform-uws` and
 * `@armature/platform-node` each export one.
 */
export interface HttpServerAdapter {
  /** Short name used in logs and by `ARMATURE_ADAPTER` (`uws`, `node`). */
  readonly name: string;
  /** Hands over the compiled routes; called once by `app.init()`, before any listen. */
  init(table: RouteTableView, options: AdapterOptions): void;
  /** Binds and starts accepting connections. Resolves once bound. */
  listen(port: number, host?: string): Promise<void>;
  /** The bound address, or null while not listening. */
  address(): { address: string; family: string; port: number } | null;
  /**
   * Graceful stop: refuses new connections at once, lets in-flight requests finish, closes idle
   * keep-alive connections, and resolves when all are gone (connections still busy after
   * `timeoutMs` are closed forcibly).
   */
  close(timeoutMs?: number): Promise<void>;
  /** A node-Server-like object bound to this adapter, for supertest (`request(app.getHttpServer())`). */
  getHttpServer(): NodeLikeServer;
  /** The native server object (uWS `TemplatedApp`, node `http.Server`). */
  getInstance<T = unknown>(): T;
  /**
   * How `listen(port, { workers })` runs copies of this server: `'thread'` when each worker thread
   * can bind the port itself (uWS: SO_REUSEPORT), `'process'` (node `cluster`, the default) otherwise.
   */
  readonly workerKind?: 'thread' | 'process';
  /** Closes the listen socket and every connection at once, synchronously (a dying worker thread calls it). */
  closeNow?(): void;
  /**
   * WebSocket routes and pub/sub on this server's port (optional: adapters without it cannot run
   * gateways). Created on first call; its connections are closed with 1001 by `close()`.
   */
  webSockets?(): WebSocketHost;
}

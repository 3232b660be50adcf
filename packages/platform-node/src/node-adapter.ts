import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterOptions, HttpServerAdapter, LoggerService, RouteTableView } from '@armature/core';
import { NodeRequestDispatcher } from './request-dispatcher';
import { NodeWebSocketHost } from './websocket-host';

export interface NodeAdapterOptions {
  /** Use this server instead of creating one (e.g. an `https.Server`). Its listeners are added to. */
  server?: Server;
  /** Idle time before a keep-alive connection is closed (node's default: 5000 ms). */
  keepAliveTimeout?: number;
  /** Time allowed to receive a whole request (node's default: 300000 ms; 0 disables). */
  requestTimeout?: number;
  /** Time allowed to receive the request headers (node's default: 60000 ms). */
  headersTimeout?: number;
  /**
   * How long a connection we close keeps draining input the client still sends (an unread 413 body,
   * the rest of an oversized header block) so the close does not become a reset. Default 2000 ms.
   */
  lingerTimeout?: number;
}

const DEFAULT_LINGER_TIMEOUT = 2000;
const DEFAULT_CLOSE_TIMEOUT = 10_000;
/** While closing, how often connections that went idle since (e.g. after a long stream) are closed. */
const IDLE_SWEEP_INTERVAL = 250;

/** `maxHeaderSize` is read from the server object for every new connection, but is not in the typings. */
type ServerWithHeaderLimit = Server & { maxHeaderSize?: number };

/**
 * Armature on node's `http` module. The server exists from construction with its listeners attached,
 * so `getHttpServer()` can be handed to supertest (which calls `listen` itself) at any time; requests
 * are routed once `init` handed over the route table.
 */
export class NodeAdapter implements HttpServerAdapter {
  readonly name: string = 'node';
  protected readonly server: Server;
  protected readonly dispatcher: NodeRequestDispatcher;
  private webSocketHost: NodeWebSocketHost | null = null;
  private logger: LoggerService | null = null;

  constructor(options: NodeAdapterOptions = {}) {
    this.dispatcher = new NodeRequestDispatcher(options.lingerTimeout ?? DEFAULT_LINGER_TIMEOUT);
    const { server, keepAliveTimeout, requestTimeout, headersTimeout } = options;
    if (server === undefined) {
      // Given to createServer so node validates them and derives headersTimeout from requestTimeout.
      // requireHostHeader: the dispatcher checks Host itself, to answer with a JSON body.
      this.server = createServer({ requireHostHeader: false, keepAliveTimeout, requestTimeout, headersTimeout });
    } else {
      this.server = server;
      if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout;
      if (requestTimeout !== undefined) server.requestTimeout = requestTimeout;
      if (headersTimeout !== undefined) server.headersTimeout = headersTimeout;
    }
    this.server.on('request', this.dispatcher.onRequest);
    this.server.on('checkContinue', this.dispatcher.onCheckContinue);
    this.server.on('clientError', this.dispatcher.onClientError);
  }

  init(table: RouteTableView, options: AdapterOptions): void {
    // Node's parser enforces it (431 through clientError) for connections accepted from now on.
    (this.server as ServerWithHeaderLimit).maxHeaderSize = options.maxHeaderSize;
    this.logger = options.logger;
    this.dispatcher.attach(table, options.logger);
  }

  listen(port: number, host?: string): Promise<void> {
    this.dispatcher.closing = false;
    return new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      const onListening = (): void => {
        this.server.removeListener('error', onError);
        resolve();
      };
      if (host === undefined) this.server.listen(port, onListening);
      else this.server.listen(port, host, onListening);
    });
  }

  address(): AddressInfo | null {
    const address = this.server.address();
    return address !== null && typeof address === 'object' ? address : null;
  }

  /**
   * Stops accepting at once, closes idle keep-alive connections, answers in-flight requests with
   * `Connection: close`, and resolves once every connection is gone (forcing them after `timeoutMs`).
   */
  async close(timeoutMs: number = DEFAULT_CLOSE_TIMEOUT): Promise<void> {
    this.dispatcher.closing = true;
    const server = this.server;
    const closed = new Promise<void>((resolve) => {
      const forceTimer = setTimeout(() => server.closeAllConnections(), timeoutMs);
      // A response that was already streaming when closing began went out without `Connection: close`;
      // its connection turns idle afterwards and would otherwise wait for the keep-alive timeout.
      const idleSweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_INTERVAL);
      forceTimer.unref();
      idleSweep.unref();
      // The callback runs once the last connection closed; its ERR_SERVER_NOT_RUNNING (already
      // closed, e.g. by supertest) is not a failure of ours.
      server.close(() => {
        clearTimeout(forceTimer);
        clearInterval(idleSweep);
        resolve();
      });
      server.closeIdleConnections();
    });
    // WebSockets get a 1001 closing frame (upgraded sockets are not HTTP connections node closes;
    // server.close() above resolves once they are gone too).
    if (this.webSocketHost !== null) {
      this.webSocketHost.refusingUpgrades = true;
      await this.webSocketHost.closeAll(undefined, undefined, Math.min(timeoutMs, 3000));
    }
    await closed;
    if (this.webSocketHost !== null) this.webSocketHost.refusingUpgrades = false;
  }

  /** WebSocket routes on this server (the `ws` package, through the `upgrade` event) and topics. */
  webSockets(): NodeWebSocketHost {
    if (this.webSocketHost === null) {
      this.webSocketHost = new NodeWebSocketHost(() => this.logger);
      this.server.on('upgrade', this.webSocketHost.handleUpgrade);
    }
    return this.webSocketHost;
  }

  /** The `http.Server` itself (narrower than `NodeLikeServer`, so supertest's typings accept it). */
  getHttpServer(): Server {
    return this.server;
  }

  getInstance<T = unknown>(): T {
    return this.server as unknown as T;
  }
}

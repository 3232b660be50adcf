import {
  ArmatureRequest,
  errorJson,
  type AdapterOptions,
  type HttpServerAdapter,
  type IncomingHeaders,
  type LoggerService,
  type NodeLikeServer,
  type RouteTableView,
} from '@armature/core';
import { formatRemoteAddress } from './format-ip';
import { InFlightCounter } from './in-flight-counter';
import { loadUws, UwsUnavailableError } from './load-uws';
import { ACCEPT, REJECTIONS, RequestHeaderScan, type HeaderVerdict } from './request-guards';
import { UwsServerFacade, type BoundAddress, type ListenTarget } from './server-facade';
import { statusLine } from './status-lines';
import { UwsExchange, type ExchangeOwner } from './uws-exchange';
import { UwsWebSocketHost } from './websocket-host';
import type { HttpResponse, UwsApp, UwsModule, UwsRequest, us_listen_socket } from './uws-types';

export interface UwsAdapterOptions {
  /**
   * Response bodies larger than this many bytes are written with tryEnd/onWritable, following the
   * client's pace; smaller ones are handed to uWS in one `end()`. Default 64 KiB.
   */
  largeBodyThreshold?: number;
}

const DEFAULT_LARGE_BODY_THRESHOLD = 64 * 1024;
const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;
/** Spaces and " HTTP/1.1\r\n" around method and target in the request line. */
const REQUEST_LINE_OVERHEAD = 12;
const JSON_HEADERS = ['content-type', 'application/json; charset=utf-8'];
const DISPATCH_FAILED_BODY = errorJson(500, 'Internal server error');

/**
 * Answers a request the header scan refused, and makes sure nothing after it on the connection runs.
 *
 * uWS keeps parsing the bytes that followed the request in the same read (for two different
 * Content-Lengths it frames the body by the first one, so the rest is the smuggled request), and
 * inside the request callback the socket is corked: a normal answer would sit in the 16 KiB cork
 * buffer while uWS dispatched the smuggled request, and `end(body, true)` would lose its close
 * flag to it. So the answer is padded past the cork buffer, which makes uWS write it to the socket
 * at once and then honour the close at once; and `setYield(true)` tells uWS that no handler took
 * the request, which makes it close the socket and stop parsing in every case (even if the answer
 * could not be written out, e.g. to a client that does not read).
 */
function rejectRequest(res: HttpResponse, req: UwsRequest, verdict: HeaderVerdict): void {
  const rejection = REJECTIONS[verdict];
  res
    .writeStatus(statusLine(rejection.status))
    .writeHeader('content-type', 'application/json; charset=utf-8')
    .end(rejection.paddedBody, true);
  req.setYield(true);
}

/**
 * The default Armature HTTP adapter, on uWebSockets.js (`@trufflesuite/uws-js-unofficial`).
 * Throws `UwsUnavailableError` from the constructor where the native binary cannot run (e.g.
 * Node 22+), so that the core can fall back to the node adapter.
 */
export class UwsAdapter implements HttpServerAdapter, ExchangeOwner, ListenTarget {
  readonly name = 'uws';
  /** Worker mode runs threads: each binds the port itself (uWS sets SO_REUSEPORT; docs/workers.md). */
  readonly workerKind = 'thread' as const;
  readonly largeBodyThreshold: number;

  private readonly uws: UwsModule;
  private readonly app: UwsApp;
  private table: RouteTableView | null = null;
  private scan: RequestHeaderScan = new RequestHeaderScan(0);
  private logger: LoggerService | null = null;
  private listenSocket: us_listen_socket | null = null;
  private bound: BoundAddress | null = null;
  private readonly inFlight = new InFlightCounter();
  private closing: Promise<void> | null = null;
  private facade: UwsServerFacade | null = null;
  private isDraining = false;
  private defaultBodyLimit = 0;
  private webSocketHost: UwsWebSocketHost | null = null;

  constructor(options: UwsAdapterOptions = {}) {
    const loaded = loadUws();
    if (!loaded.available) throw new UwsUnavailableError(loaded.reason);
    this.uws = loaded.module;
    this.app = this.uws.App() as UwsApp;
    this.largeBodyThreshold = options.largeBodyThreshold ?? DEFAULT_LARGE_BODY_THRESHOLD;
  }

  init(table: RouteTableView, options: AdapterOptions): void {
    if (this.table !== null) throw new Error('UwsAdapter.init() was called twice');
    this.table = table;
    this.defaultBodyLimit = options.bodyLimit;
    this.logger = options.logger;
    this.scan = new RequestHeaderScan(options.maxHeaderSize);
    // One catch-all route: Armature's own table does the routing, so uWS's router is not used.
    this.app.any('/*', this.handleRequest);
  }

  /** True during a graceful close: every answer then carries `Connection: close`. */
  get draining(): boolean {
    return this.isDraining;
  }

  /** The application's body limit, for bodies collected before the route names its own. */
  get bodyLimit(): number {
    return this.defaultBodyLimit;
  }

  /** Requests whose answer is not complete yet (being handled, or still being written). */
  get inFlightRequests(): number {
    return this.inFlight.size;
  }

  /**
   * HOT PATH: every request. `req` is stack-allocated by uWS and dies when this function returns,
   * so everything is copied off it before the route runs (the route may await right away).
   */
  private readonly handleRequest = (res: HttpResponse, uwsRequest: unknown): void => {
    const req = uwsRequest as UwsRequest;
    const table = this.table as RouteTableView;
    const method = req.getCaseSensitiveMethod !== undefined ? req.getCaseSensitiveMethod() : req.getMethod().toUpperCase();
    const path = req.getUrl();
    const rawQuery = (req.getQuery() as string | undefined) ?? ''; // undefined when the URL has no '?'
    const match = table.hostConstrained ? table.lookup(method, path, req.getHeader('host') || undefined) : table.lookup(method, path);
    const handle = match.handle;
    const needs = handle.needs;
    const headers: IncomingHeaders = {};
    const scan = this.scan;
    // The scan visits every header anyway (for the limits): it copies the ones the route reads.
    const verdict = scan.inspect(
      req,
      method.length + path.length + rawQuery.length + REQUEST_LINE_OVERHEAD,
      needs.allHeaders || needs.headerNames.length > 0 ? headers : null,
      needs.allHeaders ? null : needs.headerNames,
    );

    if (verdict !== ACCEPT) {
      rejectRequest(res, req, verdict);
      return;
    }
    const exchange = new UwsExchange(this, res, method === 'HEAD', scan.declaredLength);
    this.inFlight.started();

    const request = new ArmatureRequest(method, path, rawQuery, headers, match.params);
    if (needs.ip) request.ip = formatRemoteAddress(res.getRemoteAddress());

    try {
      handle.run(request, exchange);
    } catch (error) {
      this.reportError(`Route for ${method} ${path} threw instead of answering`, error);
      exchange.send(500, JSON_HEADERS, DISPATCH_FAILED_BODY);
    }
    exchange.dispatching = false;
    if (needs.body) exchange.collectBodyAhead();
    // uWS requires an abort handler on any answer still pending when this callback returns (body
    // to read, async handler, large or streamed body): only those pay for one.
    if (!exchange.isFinished) res.onAborted(exchange.abortHandler());
  };

  listen(port: number, host?: string): Promise<void> {
    try {
      this.bind(port, host);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Binds synchronously (uWS calls the listen callback before returning). */
  bind(port: number, host: string | undefined): BoundAddress {
    if (this.closing !== null) {
      // The drain ends with app.close(), which would close a listen socket bound meanwhile.
      throw Object.assign(new Error('Cannot listen while the server is closing; wait for close() to resolve'), {
        code: 'ERR_SERVER_CLOSING',
      });
    }
    if (this.listenSocket !== null) {
      throw Object.assign(new Error(`Already listening on port ${(this.bound as BoundAddress).port}`), {
        code: 'ERR_SERVER_ALREADY_LISTEN',
      });
    }
    const result: { socket: us_listen_socket | false } = { socket: false };
    const onListen = (socket: us_listen_socket | false): void => {
      result.socket = socket;
    };
    // Without a host uWS binds the IPv6 wildcard, dual-stack, like node's default.
    if (host === undefined) this.app.listen(port, onListen);
    else this.app.listen(host, port, onListen);
    if (result.socket === false) {
      const where = host === undefined ? `port ${port}` : `${host}:${port}`;
      throw Object.assign(new Error(`uWS could not listen on ${where}: the port is in use or the address is not available here`), {
        code: 'EADDRINUSE',
        port,
        address: host,
      });
    }
    this.listenSocket = result.socket;
    const address = host ?? '::';
    // uWS bound it, so the address is valid: only IPv6 has colons. (node's isIPv6 compiles a large
    // regular expression on first use: ~5 ms of boot.)
    this.bound = { address, family: address.includes(':') ? 'IPv6' : 'IPv4', port: this.uws.us_socket_local_port(result.socket) };
    this.facade?.announceListening();
    return this.bound;
  }

  address(): BoundAddress | null {
    return this.bound === null ? null : { ...this.bound };
  }

  /**
   * Closes the listen socket and every connection at once, synchronously. A worker thread about to
   * die calls it: a thread that ends with uWS sockets open makes node abort the whole process.
   */
  closeNow(): void {
    if (this.listenSocket !== null) {
      this.uws.us_listen_socket_close(this.listenSocket);
      this.listenSocket = null;
      this.bound = null;
    }
    void this.webSocketHost?.closeAll(); // synchronous on uWS: each WebSocket gets its 1001 first
    this.app.close();
  }

  /**
   * Graceful stop: the listen socket closes at once (new connections are refused), requests in
   * flight finish and are answered with `Connection: close`, then `app.close()` closes the idle
   * keep-alive connections. Whatever is still busy after `timeoutMs` is closed forcibly.
   * The adapter can listen again afterwards.
   */
  close(timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    this.closing ??= this.shutDown(timeoutMs).finally(() => {
      this.closing = null;
    });
    return this.closing;
  }

  getHttpServer(): NodeLikeServer {
    this.facade ??= new UwsServerFacade(this);
    return this.facade;
  }

  getInstance<T = unknown>(): T {
    return this.app as T;
  }

  /** WebSocket routes (`app.ws` patterns, matched before the catch-all HTTP route) and uWS topics. */
  webSockets(): UwsWebSocketHost {
    this.webSocketHost ??= new UwsWebSocketHost(this.app, () => this.logger);
    return this.webSocketHost;
  }

  /** @internal ExchangeOwner */
  exchangeFinished(): void {
    this.inFlight.finished();
  }

  /** @internal ExchangeOwner */
  reportError(message: string, error: unknown): void {
    if (this.logger === null) return;
    this.logger.error(message, error instanceof Error ? error.stack : String(error), 'UwsAdapter');
  }

  private async shutDown(timeoutMs: number): Promise<void> {
    const wasListening = this.listenSocket !== null;
    if (this.listenSocket !== null) {
      this.uws.us_listen_socket_close(this.listenSocket);
      this.listenSocket = null;
      this.bound = null;
    }
    this.isDraining = true;
    // WebSockets get a 1001 closing frame now: app.close() below would drop them without one.
    if (this.webSocketHost !== null) {
      this.webSocketHost.refusingUpgrades = true;
      await this.webSocketHost.closeAll();
    }
    try {
      if (!(await this.inFlight.drained(timeoutMs))) {
        this.logger?.warn(`${this.inFlight.size} request(s) still in flight after ${timeoutMs} ms: closing their connections`, 'UwsAdapter');
      }
      this.app.close(); // idle keep-alive connections, and whatever outlived the timeout
    } finally {
      this.isDraining = false;
      if (this.webSocketHost !== null) this.webSocketHost.refusingUpgrades = false;
    }
    if (wasListening) this.facade?.announceClosed();
  }
}

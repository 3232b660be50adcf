import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ArmatureRequest, errorJson, type LoggerService, type RouteTableView } from '@armature/core';
import { NodeExchange, type ExchangeContext } from './node-exchange';
import { answerClientError, type ClientError } from './client-error';
import { originFormOf } from './request-target';

const SLASH = 47;
const JSON_HEADERS = ['content-type', 'application/json; charset=utf-8'];

/**
 * Turns node `request` events into route runs. Independent of how the server was created, so any
 * node server emitting (IncomingMessage, ServerResponse) can use it. Its listeners are bound once
 * here, so the hot path creates no closures: just the request and the exchange.
 */
export class NodeRequestDispatcher implements ExchangeContext {
  closing = false;
  logger: LoggerService | undefined = undefined;
  private table: RouteTableView | undefined = undefined;

  constructor(readonly lingerTimeout: number) {}

  /** Starts routing into `table`; until then requests get 503 (the server may be listening already). */
  attach(table: RouteTableView, logger: LoggerService): void {
    this.table = table;
    this.logger = logger;
  }

  /** The server's `request` listener. */
  readonly onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    this.dispatch(req, res, false);
  };

  /** The server's `checkContinue` listener: the 100 is sent only if the route reads the body. */
  readonly onCheckContinue = (req: IncomingMessage, res: ServerResponse): void => {
    this.dispatch(req, res, true);
  };

  /** The server's `clientError` listener. */
  readonly onClientError = (error: ClientError, socket: Duplex): void => {
    answerClientError(error, socket, this.lingerTimeout);
  };

  // Hot path.
  dispatch(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const table = this.table;
    if (table === undefined) {
      answer(new NodeExchange(req, res, this, expectsContinue), 503, 'The application is not initialized yet');
      return;
    }
    // A request parsed after we ended the connection (the client ignored `Connection: close`) can
    // never be answered, so it must not run either.
    if (!req.socket.writable) {
      req.socket.destroy();
      return;
    }
    const headers = req.headers;
    const exchange = new NodeExchange(req, res, this, expectsContinue);
    // Checked here rather than by node (requireHostHeader) so the 400 has the usual JSON body.
    if (headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
      answer(exchange, 400, 'Missing Host header');
      return;
    }
    let url = req.url as string;
    if (url.charCodeAt(0) !== SLASH) url = originFormOf(url);
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
    const method = req.method as string;
    try {
      const match = table.hostConstrained ? table.lookup(method, path, headers.host) : table.lookup(method, path);
      const request = new ArmatureRequest(method, path, rawQuery, headers, match.params);
      request.raw = req;
      const handle = match.handle;
      if (handle.needs.ip) request.ip = req.socket.remoteAddress;
      handle.run(request, exchange);
    } catch (error) {
      // `run` promises never to throw; if it does anyway, one request fails, not the process.
      this.logger?.error(`Unhandled error routing ${method} ${path}: ${(error as Error)?.stack ?? String(error)}`, 'NodeAdapter');
      answer(exchange, 500, 'Internal server error');
    }
  }
}

function answer(exchange: NodeExchange, status: number, message: string): void {
  exchange.send(status, JSON_HEADERS, errorJson(status, message), status === 400);
}

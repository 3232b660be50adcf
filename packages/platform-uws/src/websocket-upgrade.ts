import type { IncomingHeaders, LoggerService, WebSocketHandlers, WebSocketUpgradeRequest, WebSocketUpgradeResult } from '@armature/core';
import type { HttpRequest, us_socket_context_t } from '@trufflesuite/uws-js-unofficial';
import { formatRemoteAddress } from './format-ip';
import { statusLine } from './status-lines';
import type { UwsSocketData } from './websocket-connection';
import type { HttpResponse } from './uws-types';

const REFUSAL_TYPE = 'application/json; charset=utf-8';

/** What `res.upgrade` needs from the request, copied while `req` is alive. */
interface Handshake {
  readonly key: string;
  readonly protocol: string;
  readonly extensions: string;
}

/**
 * The `upgrade` behaviour of one route. `req` dies at the first await, so everything is copied off
 * it first; the socket can abort while the upgrade handler (an auth check) is pending, so `onAborted`
 * is set before and checked after; the late answer is corked, as uWS requires outside its callbacks.
 */
export function createUpgradeHandler<T>(
  handlers: WebSocketHandlers<T>,
  refuseAll: () => boolean,
  logger: () => LoggerService | null,
): (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) => void {
  const decide = handlers.upgrade;
  return (res, req, context) => {
    const handshake: Handshake = {
      key: req.getHeader('sec-websocket-key'),
      protocol: req.getHeader('sec-websocket-protocol'),
      extensions: req.getHeader('sec-websocket-extensions'),
    };
    const remoteAddress = formatRemoteAddress(res.getRemoteAddress());
    if (refuseAll()) {
      refuse(res, { accept: false, status: 503, body: '{"statusCode":503,"message":"Server is shutting down","error":"Service Unavailable"}' });
      return;
    }
    if (decide === undefined) {
      accept(res, handshake, context, { data: {} as T, remoteAddress, connection: undefined });
      return;
    }
    const request: WebSocketUpgradeRequest = { path: req.getUrl(), query: req.getQuery() ?? '', headers: copyHeaders(req), remoteAddress };
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    const answer = (result: WebSocketUpgradeResult<T>): void => {
      if (result.accept) accept(res, handshake, context, { data: result.data, remoteAddress, connection: undefined });
      else refuse(res, result);
    };
    const fail = (error: unknown): void => {
      logger()?.error(`WebSocket upgrade handler for ${request.path} threw`, error instanceof Error ? error.stack : String(error), 'UwsWebSocketHost');
      refuse(res, { accept: false, status: 500, body: '{"statusCode":500,"message":"Internal server error"}' });
    };
    let result: WebSocketUpgradeResult<T> | Promise<WebSocketUpgradeResult<T>>;
    try {
      result = decide(request);
    } catch (error) {
      fail(error);
      return;
    }
    if (!(result instanceof Promise)) {
      answer(result); // still inside uWS's callback: corked already
      return;
    }
    result.then(
      (value) => {
        if (!aborted) res.cork(() => answer(value));
      },
      (error) => {
        if (!aborted) res.cork(() => fail(error));
      },
    );
  };
}

function accept<T>(res: HttpResponse, handshake: Handshake, context: us_socket_context_t, data: UwsSocketData<T>): void {
  res.upgrade(data, handshake.key, handshake.protocol, handshake.extensions, context);
}

/** The refusal closes the connection: a client refused at the upgrade has nothing else to send. */
function refuse(res: HttpResponse, result: Extract<WebSocketUpgradeResult<unknown>, { accept: false }>): void {
  res.writeStatus(statusLine(result.status));
  let typed = false;
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (name.toLowerCase() === 'content-type') typed = true;
    res.writeHeader(name, value);
  }
  if (!typed) res.writeHeader('content-type', REFUSAL_TYPE);
  res.end(result.body ?? '', true);
}

/** uWS lists repeated headers separately; node joins them with ', ' (cookies with '; '). */
function copyHeaders(req: HttpRequest): IncomingHeaders {
  const headers: Record<string, string> = {};
  req.forEach((name, value) => {
    const known = headers[name];
    headers[name] = known === undefined ? value : `${known}${name === 'cookie' ? '; ' : ', '}${value}`;
  });
  return headers as IncomingHeaders;
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorJson, statusText, type WebSocketUpgradeRequest, type WebSocketUpgradeResult } from '@armature/core';

/** The upgrade request as handlers see it: path, raw query, headers and peer address. */
export function describeUpgrade(request: IncomingMessage): WebSocketUpgradeRequest {
  const url = request.url ?? '/';
  const mark = url.indexOf('?');
  return {
    path: mark === -1 ? url : url.slice(0, mark),
    query: mark === -1 ? '' : url.slice(mark + 1),
    headers: request.headers,
    remoteAddress: request.socket.remoteAddress ?? '',
  };
}

type Refusal = Extract<WebSocketUpgradeResult<unknown>, { accept: false }>;

/** A refusal with a NestJS-shaped JSON body, for the cases the host decides itself. */
export function refusal(status: number, message: string): Refusal {
  return { accept: false, status, body: errorJson(status, message) };
}

/**
 * Answers an upgrade request with a plain HTTP response and closes the socket: after an `upgrade`
 * event node no longer owns the socket, so the response is written raw.
 */
export function writeRefusal(socket: Duplex, result: Refusal): void {
  if (socket.destroyed) return;
  const body = result.body ?? '';
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...lowerCased(result.headers ?? {}) };
  headers['content-length'] = String(Buffer.byteLength(body));
  headers.connection = 'close';
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${result.status} ${statusText(result.status)}\r\n${head}\r\n${body}`);
}

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

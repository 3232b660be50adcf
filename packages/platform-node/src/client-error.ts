import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { errorJson, statusText } from '@armature/core';
import { endAndLinger } from './lingering-close';

/** What node's parser attaches to the errors it emits as `clientError` (`HPE_*` codes). */
export interface ClientError extends Error {
  code?: string;
  /** llhttp's reason, e.g. 'Duplicate Content-Length'. */
  reason?: string;
}

/**
 * `_httpMessage` is the response node is currently writing on a socket (node keeps later pipelined
 * ones queued). It is internal, but it is the only way to know whether raw bytes written now would
 * land in the middle of, or be mistaken for, the answer to an earlier request.
 */
interface ServerSocket extends Socket {
  _httpMessage?: ServerResponse | null;
  [answering]?: true;
}

const answering = Symbol('armature.answeringClientError');

/** The status a parser error deserves. */
export function statusForClientError(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

function messageFor(status: number, error: ClientError): string {
  switch (status) {
    case 431:
      return 'Request header fields too large';
    case 413:
      return 'Chunk extensions too large';
    case 408:
      return 'Request timed out';
    default:
      return error.reason ? `Malformed HTTP request: ${error.reason}` : 'Malformed HTTP request';
  }
}

/** A complete raw HTTP/1.1 error response with a NestJS-shaped JSON body; it always closes. */
export function rawErrorResponse(error: ClientError): string {
  const status = statusForClientError(error.code);
  const body = errorJson(status, messageFor(status, error));
  return (
    `HTTP/1.1 ${status} ${statusText(status)}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/**
 * The server's `clientError` listener: the connection's parser has failed, so there is no request or
 * response object, only the socket. Answers 400/408/413/431 and closes, after any response still
 * owed to earlier (pipelined) requests on this connection, so answers stay in order. Never throws.
 */
export function answerClientError(error: ClientError, stream: Duplex, lingerTimeout: number): void {
  const socket = stream as ServerSocket;
  // A failed parser reports again for every later chunk; the first report is the one we answer.
  if (socket[answering]) return;
  socket[answering] = true;
  if (error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  answerInOrder(socket, rawErrorResponse(error), lingerTimeout);
}

function answerInOrder(socket: ServerSocket, response: string, lingerTimeout: number): void {
  const inFlight = socket._httpMessage;
  if (inFlight && inFlight.req.complete) {
    // The error is in a later pipelined request: answer once the earlier responses went out.
    // 'close' follows both a finished and an aborted response; by then node moved the next one in.
    inFlight.once('close', () => answerInOrder(socket, response, lingerTimeout));
    return;
  }
  if (!socket.writable) {
    // Already ending (an earlier response said `Connection: close`): its bytes may still be
    // flushing, so let that close finish rather than cut it short.
    if (!socket.writableEnded) socket.destroy();
    return;
  }
  if (inFlight && inFlight.headersSent) {
    // The broken request is the one being answered, and its answer has begun: raw bytes would
    // corrupt it, so the connection just ends.
    socket.destroy();
    return;
  }
  // When the broken request is the in-flight one (its body failed to parse), ending our side makes
  // its exchange report `aborted`; its readBody rejects once the socket is closed.
  socket.write(response);
  endAndLinger(socket, lingerTimeout);
}

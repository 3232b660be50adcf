import { connect, type Socket } from 'node:net';

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  /** Header names in the order and case they were sent, for duplicate checks. */
  rawHeaderNames: string[];
  body: Buffer;
}

export interface RawResult {
  data: Buffer;
  /** True when the server closed (or reset) the connection before the wait ended. */
  closedByServer: boolean;
  /** Milliseconds from connect to the server's close, when it closed. */
  closedAfterMs: number | undefined;
}

export interface RawExchangeOptions {
  /** Longest wait for the server (default 400 ms). */
  waitMs?: number;
  /** Stop as soon as this many complete responses arrived, without waiting for a close. */
  responses?: number;
}

/**
 * Sends `payload` (one write per element) on a fresh connection and collects everything the
 * server sends until it closes the connection, `options.responses` arrived, or `waitMs` passed.
 */
export function rawExchange(
  port: number,
  payload: string | Buffer | Array<string | Buffer>,
  options: RawExchangeOptions = {},
): Promise<RawResult> {
  const { waitMs = 400, responses } = options;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const started = Date.now();
    let settled = false;
    const finish = (closedByServer: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), closedByServer, closedAfterMs: closedByServer ? Date.now() - started : undefined });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (responses !== undefined && parseResponses(Buffer.concat(chunks)).responses.length >= responses) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      for (const part of Array.isArray(payload) ? payload : [payload]) socket.write(part);
    });
  });
}

/** A connection kept open across several request/response rounds. */
export class RawConnection {
  private received: Buffer[] = [];
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.received.push(chunk);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  /**
   * Waits for `count` complete responses (or the close), and removes them from the buffer.
   * `headResponses`: how many of them answer HEAD requests (no body).
   */
  async responses(count: number, timeoutMs = 3000, headResponses = 0): Promise<ParsedResponse[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const buffer = Buffer.concat(this.received);
      const { responses, rest } = parseResponses(buffer, headResponses);
      if (responses.length >= count || this.closed || Date.now() > deadline) {
        this.received = [rest];
        return responses;
      }
      this.received = [buffer];
      await this.nextEvent(deadline);
      await delay(2); // let a burst of packets arrive before parsing again
    }
  }

  /** Resolves true once the server closed the connection, false after `timeoutMs`. */
  async waitForClose(timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) {
      await this.nextEvent(deadline);
    }
    return this.closed;
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Resolves on the next data or close event, or at `deadline`. */
  private nextEvent(deadline: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/**
 * Splits a byte stream into complete HTTP/1.1 responses (Content-Length or chunked framing).
 * HEAD responses cannot be told apart here: pass `headResponses` to skip their bodies.
 */
export function parseResponses(data: Buffer, headResponses = 0): { responses: ParsedResponse[]; rest: Buffer } {
  const responses: ParsedResponse[] = [];
  let offset = 0;
  for (;;) {
    const headEnd = data.indexOf('\r\n\r\n', offset);
    if (headEnd === -1) break;
    const lines = data.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers: Record<string, string> = {};
    const rawHeaderNames: string[] = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon);
      rawHeaderNames.push(name);
      headers[name.toLowerCase()] = line.slice(colon + 1).trim();
    }
    let cursor = headEnd + 4;
    let body: Buffer;
    if (responses.length < headResponses || status === 204 || status === 304) {
      body = Buffer.alloc(0);
    } else if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      let complete = false;
      for (;;) {
        const sizeEnd = data.indexOf('\r\n', cursor);
        if (sizeEnd === -1) break;
        const size = parseInt(data.subarray(cursor, sizeEnd).toString('latin1'), 16);
        if (data.length < sizeEnd + 2 + size + 2) break;
        parts.push(data.subarray(sizeEnd + 2, sizeEnd + 2 + size));
        cursor = sizeEnd + 2 + size + 2;
        if (size === 0) {
          complete = true;
          break;
        }
      }
      if (!complete) break;
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      if (data.length < cursor + length) break;
      body = data.subarray(cursor, cursor + length);
      cursor += length;
    }
    responses.push({ status, headers, rawHeaderNames, body });
    offset = cursor;
  }
  return { responses, rest: data.subarray(offset) };
}

/** `GET path` with the usual headers, as one string. */
export function get(path: string, extraHeaders: string[] = []): string {
  return `GET ${path} HTTP/1.1\r\nHost: test\r\n${extraHeaders.map((header) => `${header}\r\n`).join('')}\r\n`;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

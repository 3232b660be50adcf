import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawOutcome {
  response: RawResponse | undefined;
  /** The server closed the connection (FIN or reset) before we gave up. */
  closed: boolean;
}

function parse(text: string): RawResponse | undefined {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd === -1) return undefined;
  const [statusLine, ...lines] = text.slice(0, headEnd).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = text.slice(headEnd + 4, headEnd + 4 + length);
  return body.length < length ? undefined : { status: Number(statusLine.split(' ')[1]), headers, body };
}

/**
 * Opens a connection, lets `drive` write (it may keep the body unfinished), and resolves with the
 * first complete response, whether the server closed, and nothing else; gives up after `timeoutMs`.
 */
export function rawUpload(port: number, drive: (socket: Socket) => void, timeoutMs = 5000): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    let text = '';
    let closed = false;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ response: parse(text), closed });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => drive(socket));
    socket.on('data', (chunk: string) => {
      text += chunk;
      // Wait a little for the close that follows a 413, then stop.
      if (parse(text) !== undefined) setTimeout(finish, 100);
    });
    socket.on('end', () => ((closed = true), finish()));
    socket.on('error', () => ((closed = true), finish()));
    socket.on('close', finish); // also when `drive` destroyed the socket itself
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

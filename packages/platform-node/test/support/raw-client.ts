import { connect, type Socket } from 'node:net';

export interface RawResult {
  /** Everything the server sent, as latin1 text. */
  text: string;
  /** The server closed the connection cleanly (FIN) before we stopped listening. */
  ended: boolean;
  /** Socket error code seen, e.g. 'ECONNRESET'. */
  error?: string;
}

export interface RawOptions {
  /** Stop (and destroy our side) as soon as this holds for what was received. */
  until?: (text: string) => boolean;
  /** Give up after this long; the result then has what arrived so far. */
  timeoutMs?: number;
}

/** Opens a connection, lets `drive` write to it, and collects the answer. */
export function rawConversation(port: number, drive: (socket: Socket) => void, options: RawOptions = {}): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let ended = false;
    let error: string | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, ended, error });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 3000);
    socket.setEncoding('latin1');
    socket.on('connect', () => drive(socket));
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (options.until?.(text)) finish();
    });
    socket.on('end', () => {
      ended = true;
      finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code;
      finish();
    });
    socket.on('close', finish);
  });
}

/** Sends `payload` in one write and collects the answer. */
export function rawRequest(port: number, payload: string | Buffer, options: RawOptions = {}): Promise<RawResult> {
  return rawConversation(port, (socket) => socket.write(payload), options);
}

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The whole body (per Content-Length) has arrived. */
  complete: boolean;
}

/** Splits a stream of Content-Length-framed responses (the only framing these tests read raw). */
export function parseResponses(text: string): ParsedResponse[] {
  const responses: ParsedResponse[] = [];
  let rest = text;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) throw new Error(`Incomplete response head: ${JSON.stringify(rest.slice(0, 200))}`);
    const [statusLine, ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const status = Number(statusLine.split(' ')[1]);
    const bodyless = status === 100 || status === 204 || status === 304;
    const length = bodyless ? 0 : Number(headers['content-length']);
    if (Number.isNaN(length)) throw new Error(`Response without Content-Length: ${statusLine}`);
    const body = rest.slice(headEnd + 4, headEnd + 4 + length);
    responses.push({ status, headers, body, complete: body.length === length });
    rest = rest.slice(headEnd + 4 + length);
  }
  return responses;
}

/** True once `count` complete Content-Length-framed responses arrived. */
export function hasResponses(count: number): (text: string) => boolean {
  return (text) => {
    try {
      const responses = parseResponses(text);
      return responses.length >= count && responses.every((response) => response.complete);
    } catch {
      return false;
    }
  };
}

export interface SendingResult {
  text: string;
  chunksBeforeAnswer: number;
  serverEnded: boolean;
  error?: string;
}

/**
 * Sends `head`, then `chunk` every 5 ms until 300 ms after the first answer byte (even past the
 * server's FIN), then ends its side and waits for the close, reporting any socket error.
 */
export function keepSending(port: number, head: string, chunk: string): Promise<SendingResult> {
  return new Promise((resolve) => {
    // allowHalfOpen: keep writing after the server's FIN, as an uploading client does.
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const result: SendingResult = { text: '', chunksBeforeAnswer: 0, serverEnded: false };
    let answeredAt = 0;
    socket.setEncoding('latin1');
    socket.on('data', (data: string) => {
      result.text += data;
      answeredAt ||= Date.now();
    });
    socket.on('end', () => (result.serverEnded = true));
    socket.on('error', (error: NodeJS.ErrnoException) => (result.error = error.code));
    socket.on('close', () => {
      clearInterval(timer);
      resolve(result);
    });
    socket.write(head);
    const timer = setInterval(() => {
      if (answeredAt === 0) result.chunksBeforeAnswer++;
      else if (Date.now() - answeredAt > 300) {
        clearInterval(timer);
        socket.end();
        return;
      }
      socket.write(chunk);
    }, 5);
  });
}

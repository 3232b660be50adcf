import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

export interface Refused {
  status: number;
  body: string;
}

/**
 * A real `ws` client that queues what it receives, so a test can `await next()` in order and
 * assert that nothing else arrived.
 */
export class TestClient {
  readonly received: string[] = [];
  readonly closed: Promise<Closed>;
  private waiters: Array<(message: string) => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      const waiter = this.waiters.shift();
      if (waiter) waiter(text);
      else this.received.push(text);
    });
    this.closed = new Promise((resolve) => socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
    socket.on('error', () => undefined);
  }

  /** Opens a connection; rejects with the HTTP status and body when the upgrade is refused. */
  static connect(url: string, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options);
      const client = new TestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => reject(Object.assign(new Error(`refused with ${response.statusCode}`), { status: response.statusCode, body })));
      });
      socket.once('error', (error) => reject(error));
    });
  }

  /** The upgrade's refusal, or a failure when it was accepted. */
  static async refusal(url: string, options: WebSocket.ClientOptions = {}): Promise<Refused> {
    try {
      const client = await TestClient.connect(url, options);
      client.terminate();
    } catch (error) {
      const { status, body } = error as Partial<Refused>;
      if (status !== undefined) return { status, body: body ?? '' };
      throw error;
    }
    throw new Error(`${url}: the upgrade was accepted`);
  }

  send(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary });
  }

  emit(event: string, data?: unknown): void {
    this.send(JSON.stringify({ event, data }));
  }

  /** The next message (text), waiting up to `timeoutMs`. */
  next(timeoutMs = 3000): Promise<string> {
    const queued = this.received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no message within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (message: string): void => {
        clearTimeout(timer);
        resolve(message);
      };
      this.waiters.push(waiter);
    });
  }

  async nextJson<T = { event: string; data: unknown }>(timeoutMs = 3000): Promise<T> {
    return JSON.parse(await this.next(timeoutMs)) as T;
  }

  /** Resolves to true when nothing arrives within `ms` (and leaves the queue as it was). */
  async silentFor(ms: number): Promise<boolean> {
    if (this.received.length > 0) return false;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.received.length === 0;
  }

  close(code?: number, reason?: string): Promise<Closed> {
    this.socket.close(code, reason);
    return this.closed;
  }

  terminate(): void {
    this.socket.terminate();
  }

  /** Stops reading from the TCP socket (a slow consumer; pings go unanswered too). */
  pauseReading(): void {
    (this.socket as unknown as { _socket: import('node:net').Socket })._socket.pause();
  }

  resumeReading(): void {
    (this.socket as unknown as { _socket: import('node:net').Socket })._socket.resume();
  }
}

export function wsUrl(httpUrl: string, path: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${path}`;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

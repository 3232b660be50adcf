import net from 'node:net';

export interface RawExchange {
  /** Everything the server sent before closing or the timeout. */
  text: string;
  /** True when the server closed the connection. */
  closed: boolean;
}

/**
 * Writes raw bytes to the server and collects what comes back, for requests no well-behaved client
 * would send (smuggling shapes, oversized headers, pipelining). Stops at close or after `waitMs`.
 */
export function rawRequest(port: number, payload: string | Buffer | Array<string | Buffer>, waitMs = 1500, gapMs = 0): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? ((closed = true), finish()) : reject(error)));
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', async () => {
      const parts = Array.isArray(payload) ? payload : [payload];
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

/** Status codes of every response in a raw HTTP/1.1 stream, in order. */
export function statusesOf(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
}

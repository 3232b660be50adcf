import { Readable } from 'node:stream';
import { connect } from 'node:net';
import { request } from 'undici';
import type { LoggerService } from '@armature/core';
import { closeAll, delay, startAdapter } from './support/start-adapter';
import { rawRequest } from './support/raw-client';

afterEach(closeAll);

/** A readable that produces `chunk` forever, on demand (so backpressure decides its pace), counting reads. */
function endlessSource(chunk: Buffer): Readable & { reads: number } {
  const source = new Readable({
    read() {
      source.reads++;
      setImmediate(() => source.push(chunk));
    },
  }) as Readable & { reads: number };
  source.reads = 0;
  return source;
}

describe('NodeAdapter stream', () => {
  it('streams a Readable with chunked transfer encoding', async () => {
    const { origin } = await startAdapter({
      'GET /file': (_req, ex) => ex.stream(200, ['content-type', 'text/plain'], Readable.from(['alpha ', 'beta ', 'gamma'])),
    });
    const response = await request(`${origin}/file`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-type']).toBe('text/plain');
    expect(await response.body.text()).toBe('alpha beta gamma');
  });

  it('streams several megabytes intact', async () => {
    const parts = Array.from({ length: 64 }, (_, i) => Buffer.alloc(64 * 1024, i));
    const { origin } = await startAdapter({ 'GET /big': (_req, ex) => ex.stream(200, [], Readable.from(parts)) });
    const received = Buffer.from(await (await request(`${origin}/big`)).body.arrayBuffer());
    expect(received.equals(Buffer.concat(parts))).toBe(true);
  });

  it('sends only headers for HEAD and destroys the source', async () => {
    const source = endlessSource(Buffer.from('data'));
    const { port } = await startAdapter({ 'GET /file': (_req, ex) => ex.stream(200, ['x-kind', 'stream'], source) });
    const raw = await rawRequest(port, 'HEAD /file HTTP/1.1\r\nHost: a\r\n\r\n', { until: (text) => text.includes('\r\n\r\n'), timeoutMs: 300 });
    expect(raw.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(raw.text).toContain('x-kind: stream');
    expect(raw.text.endsWith('\r\n\r\n')).toBe(true);
    expect(source.destroyed).toBe(true);
  });

  it('pauses the source while the client does not read (backpressure)', async () => {
    const source = endlessSource(Buffer.alloc(64 * 1024, 1));
    const { port } = await startAdapter({ 'GET /endless': (_req, ex) => ex.stream(200, [], source) });
    const socket = connect(port, '127.0.0.1');
    socket.write('GET /endless HTTP/1.1\r\nHost: a\r\n\r\n');
    socket.pause(); // never read: kernel buffers fill up, then node's write buffer
    await delay(300);
    const readsWhenFull = source.reads;
    await delay(300);
    // Without backpressure an endless source would be read without bound.
    expect(source.reads).toBe(readsWhenFull);
    expect(readsWhenFull * 64 * 1024).toBeLessThan(64 * 1024 * 1024);
    socket.destroy();
  });

  it('destroys the source when the client aborts mid-stream', async () => {
    const source = endlessSource(Buffer.alloc(16 * 1024, 7));
    const closed = new Promise<void>((resolve) => source.on('close', resolve));
    const { port, origin } = await startAdapter({
      'GET /endless': (_req, ex) => ex.stream(200, [], source),
      'GET /ok': (_req, ex) => ex.send(200, [], 'still serving'),
    });
    await rawRequest(port, 'GET /endless HTTP/1.1\r\nHost: a\r\n\r\n', { until: (text) => text.length > 100_000 });
    await closed;
    expect(source.destroyed).toBe(true);
    expect(await (await request(`${origin}/ok`)).body.text()).toBe('still serving');
  });

  it('closes the connection when the source fails after the headers were sent, and logs it', async () => {
    const errors: unknown[] = [];
    const logger: LoggerService = { log() {}, warn() {}, error: (message) => errors.push(message) };
    const failing = (): Readable =>
      new Readable({
        read() {
          this.push('partial ');
          setImmediate(() => this.destroy(new Error('disk on fire')));
        },
      });
    const { port, origin } = await startAdapter({ 'GET /broken': (_req, ex) => ex.stream(200, [], failing()), 'GET /ok': (_req, ex) => ex.send(200, [], 'ok') }, { logger });
    const raw = await rawRequest(port, 'GET /broken HTTP/1.1\r\nHost: a\r\n\r\n');
    expect(raw.text).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(raw.text).toContain('partial ');
    // The terminating zero-length chunk never came: the client can tell the body is incomplete.
    expect(raw.text.endsWith('0\r\n\r\n')).toBe(false);
    expect(raw.ended || raw.error !== undefined).toBe(true);
    expect(String(errors[0])).toContain('disk on fire');
    expect(await (await request(`${origin}/ok`)).body.text()).toBe('ok');
  });
});

import { connect, createServer as createNetServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { Client } from 'undici';
import { NodeAdapter } from '../src';
import { closeAll, delay, silentLogger, startAdapter } from './support/start-adapter';
import { fakeTable } from './support/fake-table';
import { hasResponses, parseResponses, rawRequest } from './support/raw-client';

afterEach(closeAll);

function connectTo(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('NodeAdapter connections', () => {
  it('answers pipelined requests in order even when the first one is the slowest', async () => {
    const { port } = await startAdapter({
      'GET /slow': (_req, ex) => void delay(120).then(() => ex.send(200, [], 'first')),
      'GET /fast': (req, ex) => ex.send(200, [], `fast ${req.rawQuery}`),
    });
    const three =
      'GET /slow HTTP/1.1\r\nHost: a\r\n\r\n' + 'GET /fast?n=2 HTTP/1.1\r\nHost: a\r\n\r\n' + 'GET /fast?n=3 HTTP/1.1\r\nHost: a\r\n\r\n';
    const raw = await rawRequest(port, three, { until: hasResponses(3) });
    expect(parseResponses(raw.text).map((r) => r.body)).toEqual(['first', 'fast n=2', 'fast n=3']);
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const remotePorts: number[] = [];
    const { origin } = await startAdapter({
      'GET /who': (req, ex) => {
        remotePorts.push((req.raw as { socket: Socket }).socket.remotePort!);
        ex.send(200, [], 'me');
      },
    });
    const client = new Client(origin);
    try {
      for (let i = 0; i < 3; i++) {
        const response = await client.request({ path: '/who', method: 'GET' });
        expect(await response.body.text()).toBe('me');
        expect(response.headers.connection).toBe('keep-alive');
      }
    } finally {
      await client.close();
    }
    expect(remotePorts).toHaveLength(3);
    expect(new Set(remotePorts).size).toBe(1);
  });

  it('reports no address before listening and the bound port after', async () => {
    const adapter = new NodeAdapter();
    expect(adapter.address()).toBeNull();
    adapter.init(fakeTable({}), { bodyLimit: 1, maxHeaderSize: 16384, logger: silentLogger });
    await adapter.listen(0, '127.0.0.1');
    expect(adapter.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port: expect.any(Number) });
    expect(adapter.address()!.port).toBeGreaterThan(0);
    await adapter.close(500);
    expect(adapter.address()).toBeNull();
  });

  it('rejects listen on a port already in use', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(new NodeAdapter().listen(port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      blocker.close();
    }
  });

  it('closes gracefully: drops idle connections, refuses new ones, finishes the in-flight request with Connection: close', async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const { adapter, port } = await startAdapter({
      'GET /slow': (_req, ex) => {
        started();
        void delay(300).then(() => ex.send(200, [], 'finished'));
      },
      'GET /ok': (_req, ex) => ex.send(200, [], 'ok'),
    });
    // An idle keep-alive connection (one request answered, socket left open).
    const idle = await connectTo(port);
    const idleClosed = new Promise<number>((resolve) => idle.on('close', () => resolve(Date.now())));
    idle.write('GET /ok HTTP/1.1\r\nHost: a\r\n\r\n');
    await new Promise((resolve) => idle.once('data', resolve));
    let slowAnsweredAt = 0;
    const slow = rawRequest(port, 'GET /slow HTTP/1.1\r\nHost: a\r\n\r\n').then((result) => ((slowAnsweredAt = Date.now()), result));
    await inFlight;

    const closeStartedAt = Date.now();
    let closeResolvedAt = 0;
    const closing = adapter.close(5000).then(() => (closeResolvedAt = Date.now()));
    const idleClosedAt = await idleClosed;
    await expect(connectTo(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(closeResolvedAt).toBe(0);

    const raw = await slow;
    const [response] = parseResponses(raw.text);
    expect(response.body).toBe('finished');
    expect(response.headers.connection).toBe('close');
    expect(raw.ended).toBe(true);
    // The idle connection did not wait for the in-flight request.
    expect(idleClosedAt).toBeLessThan(slowAnsweredAt);
    await closing;
    // Resolved once the slow request was done, long before the 5 s force timeout.
    expect(closeResolvedAt - closeStartedAt).toBeLessThan(1500);
  });

  it('force-closes connections still busy after the close timeout', async () => {
    const { adapter, port } = await startAdapter({ 'GET /never': () => undefined });
    const socket = await connectTo(port);
    const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /never HTTP/1.1\r\nHost: a\r\n\r\n');
    await delay(20);
    const before = Date.now();
    await adapter.close(200);
    expect(Date.now() - before).toBeGreaterThanOrEqual(190);
    await socketClosed;
  });

  it('closes connections that went idle after a response already in progress when closing began', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { adapter, port } = await startAdapter({
      // Headers go out before close(); the body completes after it, without Connection: close.
      'GET /stream': (_req, ex) => {
        const source = new Readable({ read() {} });
        source.push('part ');
        ex.stream(200, [], source);
        void gate.then(() => source.push(null));
      },
    });
    const socket = await connectTo(port);
    const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', () => undefined);
    socket.write('GET /stream HTTP/1.1\r\nHost: a\r\n\r\n');
    await delay(30);
    const before = Date.now();
    const closing = adapter.close(10_000);
    release();
    await closing;
    await socketClosed;
    // Well under node's 5 s keep-alive timeout.
    expect(Date.now() - before).toBeLessThan(2000);
  });
});

import { connect } from 'node:net';
import type { HttpExchange } from '@armature/core';
import { UwsAdapter } from '../src';
import { FakeRouteTable } from './support/fake-route-table';
import { delay, get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { RecordingLogger, startAdapter } from './support/start-adapter';

function connectOutcome(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('UwsAdapter: listen, address and graceful close', () => {
  const pending: HttpExchange[] = [];
  const table = new FakeRouteTable()
    .add('GET', '/ok', (_req, ex) => ex.send(200, [], 'ok'))
    .add('GET', '/slow', (_req, ex) => {
      setTimeout(() => ex.send(200, [], 'slow but done'), 300);
    })
    .add('GET', '/never', (_req, ex) => {
      pending.push(ex);
    });

  beforeEach(() => {
    pending.length = 0;
  });

  it('listens on a random port and reports the real one', async () => {
    const { adapter, port } = await startAdapter(table);
    expect(port).toBeGreaterThan(0);
    expect(adapter.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port });
    await adapter.close();
    expect(adapter.address()).toBeNull();
  });

  it('listens dual-stack without a host, as node does', async () => {
    const adapter = new UwsAdapter();
    adapter.init(table, { bodyLimit: 1024, maxHeaderSize: 16384, logger: new RecordingLogger() });
    await adapter.listen(0);
    const address = adapter.address();
    expect(address).toMatchObject({ address: '::', family: 'IPv6' });
    expect(await connectOutcome(address!.port, '127.0.0.1')).toBe('connected');
    expect(await connectOutcome(address!.port, '::1')).toBe('connected');
    await adapter.close();
  });

  it('rejects listen on a port already in use, and a second listen', async () => {
    const first = await startAdapter(table);
    const second = new UwsAdapter();
    second.init(table, { bodyLimit: 1024, maxHeaderSize: 16384, logger: new RecordingLogger() });
    await expect(second.listen(first.port, '127.0.0.1')).rejects.toMatchObject({
      code: 'EADDRINUSE',
      message: expect.stringContaining(`127.0.0.1:${first.port}`),
    });
    await expect(first.adapter.listen(0, '127.0.0.1')).rejects.toMatchObject({ code: 'ERR_SERVER_ALREADY_LISTEN' });
    await first.adapter.close();
    await second.close();
  });

  it('refuses a second init', async () => {
    const adapter = new UwsAdapter();
    const options = { bodyLimit: 1024, maxHeaderSize: 16384, logger: new RecordingLogger() };
    adapter.init(table, options);
    expect(() => adapter.init(table, options)).toThrow('init() was called twice');
    await adapter.close();
  });

  it('closes gracefully: refuses new connections at once, finishes in-flight requests with Connection: close', async () => {
    const { adapter, port } = await startAdapter(table);
    const idle = await RawConnection.open(port);
    idle.write(get('/ok'));
    await idle.responses(1);
    const busy = await RawConnection.open(port);
    busy.write(get('/slow'));
    await delay(50);

    const started = Date.now();
    const closing = adapter.close();
    expect(adapter.address()).toBeNull();
    expect(await connectOutcome(port)).toBe('ECONNREFUSED');

    const [response] = await busy.responses(1);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('slow but done');
    expect(response.headers.connection).toBe('close');
    await closing;
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(await busy.waitForClose(1000)).toBe(true);
    expect(await idle.waitForClose(1000)).toBe(true);
    expect(adapter.inFlightRequests).toBe(0);
  });

  it('answers a request arriving on an idle keep-alive connection during the drain with Connection: close', async () => {
    const { adapter, port } = await startAdapter(table);
    const busy = await RawConnection.open(port);
    busy.write(get('/slow'));
    const keepAlive = await RawConnection.open(port);
    keepAlive.write(get('/ok'));
    await keepAlive.responses(1);
    await delay(20);

    const closing = adapter.close();
    keepAlive.write(get('/ok'));
    const [late] = await keepAlive.responses(1);
    expect(late.body.toString()).toBe('ok');
    expect(late.headers.connection).toBe('close');
    await closing;
    busy.destroy();
  });

  it('closes forcibly what is still busy after the timeout, and says so', async () => {
    const { adapter, port, logger } = await startAdapter(table);
    const stuck = await RawConnection.open(port);
    stuck.write(get('/never'));
    await delay(30);
    const started = Date.now();
    await adapter.close(200);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1500);
    expect(await stuck.waitForClose(1000)).toBe(true);
    expect(pending[0].aborted).toBe(true);
    expect(adapter.inFlightRequests).toBe(0);
    expect(logger.warnings).toEqual([['1 request(s) still in flight after 200 ms: closing their connections', 'UwsAdapter']]);
  });

  it('refuses to listen while a close is draining', async () => {
    const { adapter, port } = await startAdapter(table);
    const busy = await RawConnection.open(port);
    busy.write(get('/slow'));
    await delay(20);
    const closing = adapter.close();
    await expect(adapter.listen(0, '127.0.0.1')).rejects.toMatchObject({ code: 'ERR_SERVER_CLOSING' });
    await closing;
    await adapter.listen(0, '127.0.0.1');
    expect(adapter.address()).not.toBeNull();
    await adapter.close();
    busy.destroy();
  });

  it('can listen again after a close', async () => {
    const { adapter } = await startAdapter(table);
    await adapter.close();
    await adapter.listen(0, '127.0.0.1');
    const port = adapter.address()!.port;
    const { data } = await rawExchange(port, get('/ok'), { responses: 1 });
    expect(parseResponses(data).responses[0].body.toString()).toBe('ok');
    await adapter.close();
  });

  it('exposes the uWS app as its instance', async () => {
    const { adapter } = await startAdapter(table);
    const app = adapter.getInstance<{ any: unknown; listen: unknown }>();
    expect(typeof app.any).toBe('function');
    expect(typeof app.listen).toBe('function');
    await adapter.close();
  });
});

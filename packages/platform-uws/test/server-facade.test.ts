import type { Server } from 'node:http';
import request from 'supertest';
import type { NodeLikeServer } from '@armature/core';
import { Agent, request as undiciRequest } from 'undici';
import { UwsAdapter } from '../src';
import { parseListenArguments } from '../src/server-facade';
import { FakeRouteTable } from './support/fake-route-table';
import { RecordingLogger, startAdapter } from './support/start-adapter';

const table = new FakeRouteTable()
  .add('GET', '/hello', (_req, ex) => ex.send(200, ['content-type', 'text/plain'], 'hello'))
  .add('POST', '/echo', (_req, ex) => {
    ex.readBody(1024).then((body) => ex.send(201, ['content-type', 'application/json'], body), () => undefined);
  }, { body: true });

function newAdapter(): UwsAdapter {
  const adapter = new UwsAdapter();
  adapter.init(table, { bodyLimit: 1024, maxHeaderSize: 16384, logger: new RecordingLogger() });
  return adapter;
}

/**
 * supertest's typings accept only a real `http.Server`; the facade is the look-alike that stands in
 * for one (NestJS types `getHttpServer()` as `any` for the same reason).
 */
function supertestTarget(server: NodeLikeServer): Server {
  return server as unknown as Server;
}

function once(emitter: NodeJS.EventEmitter, event: string): Promise<unknown[]> {
  return new Promise((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args)));
}

describe('getHttpServer(): the node-Server-like facade', () => {
  it('serves supertest through repeated listen/close cycles', async () => {
    const adapter = newAdapter();
    const server = adapter.getHttpServer();
    expect(adapter.getHttpServer()).toBe(server);
    for (let i = 0; i < 4; i++) {
      await request(supertestTarget(server)).get('/hello').expect(200, 'hello').expect('content-type', 'text/plain');
      await request(supertestTarget(server)).post('/echo').send({ round: i }).expect(201, { round: i });
      expect(server.listening).toBe(false);
    }
    expect(adapter.address()).toBeNull();
  });

  it('shares one listen between concurrent supertest requests', async () => {
    const adapter = newAdapter();
    const server = adapter.getHttpServer();
    const responses = await Promise.all([1, 2, 3].map(() => request(supertestTarget(server)).get('/hello')));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(server.listening).toBe(false);
  });

  it('uses, and leaves open, a server the app already started', async () => {
    const { adapter, port } = await startAdapter(table);
    const server = adapter.getHttpServer();
    expect(server.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port });
    await request(supertestTarget(server)).get('/hello').expect(200);
    await request(supertestTarget(server)).get('/hello').expect(200);
    expect(adapter.address()?.port).toBe(port);
    await adapter.close();
  });

  it('binds synchronously and emits listening/close asynchronously, as node does (supertest 7.2 and 7.3)', async () => {
    const server = newAdapter().getHttpServer() as ReturnType<UwsAdapter['getHttpServer']> & { _handle: unknown };
    const agent = new Agent();
    for (let cycle = 0; cycle < 3; cycle++) {
      let listened = false;
      const listening = once(server, 'listening').then(() => (listened = true));
      expect(server.listen(0, '127.0.0.1')).toBe(server);
      const address = server.address() as { port: number };
      expect(address.port).toBeGreaterThan(0); // readable right away (supertest 7.2)
      expect(server._handle).not.toBeNull();
      expect(server.listening).toBe(true);
      expect(listened).toBe(false);
      await listening;

      const response = await undiciRequest(`http://127.0.0.1:${address.port}/hello`, { dispatcher: agent });
      expect(await response.body.text()).toBe('hello');

      const closed = once(server, 'close');
      const callbackError = new Promise((resolve) => server.close(resolve));
      expect(server.address()).toBeNull();
      expect(server._handle).toBeNull();
      await closed;
      expect(await callbackError).toBeUndefined();
    }
    await agent.close();
  });

  it('calls back listen(cb), and reports errors like node', async () => {
    const { adapter, port } = await startAdapter(table);
    const other = newAdapter().getHttpServer();
    const errorEvent = once(other, 'error');
    other.listen(port, '127.0.0.1');
    const [error] = (await errorEvent) as [NodeJS.ErrnoException];
    expect(error.code).toBe('EADDRINUSE');
    expect(other.listening).toBe(false);

    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    expect(other.listening).toBe(true);
    expect(() => other.listen(0)).toThrow(expect.objectContaining({ code: 'ERR_SERVER_ALREADY_LISTEN' }));
    await new Promise((resolve) => other.close(resolve));

    const notRunning = await new Promise<Error | undefined>((resolve) => other.close(resolve));
    expect(notRunning).toMatchObject({ code: 'ERR_SERVER_NOT_RUNNING' });
    await adapter.close();
  });

  it('parses node listen signatures', () => {
    const callback = (): void => undefined;
    expect(parseListenArguments([])).toEqual({ port: 0, host: undefined, callback: undefined });
    expect(parseListenArguments([3000, callback])).toEqual({ port: 3000, host: undefined, callback });
    expect(parseListenArguments(['3000', 'localhost', 511, callback])).toEqual({ port: 3000, host: 'localhost', callback });
    expect(parseListenArguments([{ port: 0, host: '127.0.0.1' }])).toEqual({ port: 0, host: '127.0.0.1', callback: undefined });
    expect(parseListenArguments([callback])).toEqual({ port: 0, host: undefined, callback });
    expect(() => parseListenArguments([70000])).toThrow(expect.objectContaining({ code: 'ERR_SOCKET_BAD_PORT' }));
    expect(() => parseListenArguments([{ path: '/tmp/socket' }])).toThrow('unix socket');
  });
});

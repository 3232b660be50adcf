import { createServer } from 'node:http';
import { NodeAdapter } from '../src';
import { connect } from 'node:net';
import type { RouteRun } from './support/fake-table';
import { closeAll, startAdapter } from './support/start-adapter';
import { parseResponses, rawConversation } from './support/raw-client';

afterEach(closeAll);

const ok: Record<string, RouteRun> = { 'GET /ok': (_req, ex) => ex.send(200, [], 'ok') };

describe('NodeAdapter options', () => {
  it('runs on a server it is given, answering its request timeout with a JSON 408', async () => {
    const server = createServer({ requestTimeout: 200, connectionsCheckingInterval: 50 });
    const { adapter, port } = await startAdapter(ok, {}, { server });
    expect(adapter.getHttpServer()).toBe(server);
    const startedAt = Date.now();
    // Headers never finish: node's request timeout fires.
    const raw = await rawConversation(port, (socket) => socket.write('GET /ok HTTP/1.1\r\nHost: a\r\n'), { timeoutMs: 3000 });
    const [response] = parseResponses(raw.text);
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body)).toEqual({ message: 'Request timed out', error: 'Request Timeout', statusCode: 408 });
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('closes idle keep-alive connections after keepAliveTimeout', async () => {
    const { port } = await startAdapter(ok, {}, { keepAliveTimeout: 50 });
    const socket = connect(port, '127.0.0.1');
    socket.on('data', () => undefined);
    const startedAt = Date.now();
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    socket.write('GET /ok HTTP/1.1\r\nHost: a\r\n\r\n');
    // Node adds a one-second grace to the advertised timeout; its 5 s default would take 6 s.
    expect((await closed) - startedAt).toBeLessThan(2500);
  });

  it('rejects inconsistent timeouts the way node does', () => {
    expect(() => new NodeAdapter({ requestTimeout: 1000, headersTimeout: 5000 })).toThrow(/headersTimeout/);
  });
});

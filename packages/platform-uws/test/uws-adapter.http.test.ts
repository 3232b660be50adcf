import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';
import type { ArmatureRequest } from '@armature/core';
import { FakeRouteTable } from './support/fake-route-table';
import { get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

const TEXT = ['content-type', 'text/plain; charset=utf-8'];

describe('UwsAdapter: requests and responses', () => {
  let server: RunningAdapter;
  let agent: Agent;
  const seen: ArmatureRequest[] = [];

  beforeAll(async () => {
    const table = new FakeRouteTable()
      .add('GET', '/hello', (_req, ex) => ex.send(200, [...TEXT, 'x-custom', 'yes'], 'hello'))
      .add('POST', '/created', (_req, ex) => ex.send(201, TEXT, 'made'))
      .add('GET', '/teapot', (_req, ex) => ex.send(418, TEXT, 'short and stout'))
      .add('GET', '/unicode', (_req, ex) => ex.send(200, TEXT, 'héllo wörld ✓'))
      .add('GET', '/buffer', (_req, ex) => ex.send(200, ['content-type', 'application/octet-stream'], Buffer.from([0, 1, 2, 255])))
      .add('GET', '/empty', (_req, ex) => ex.send(200, TEXT, null))
      .add('GET', '/no-content', (_req, ex) => ex.send(204, [], null))
      .add('GET', '/later', (_req, ex) => {
        setTimeout(() => ex.send(200, TEXT, 'answered later'), 20);
      })
      .add('GET', '/after-microtask', (_req, ex) => {
        void Promise.resolve().then(() => ex.send(200, TEXT, 'after a microtask'));
      })
      .add('GET', '/close', (_req, ex) => ex.send(200, TEXT, 'bye', true))
      .add('GET', '/own-headers', (_req, ex) =>
        ex.send(200, [...TEXT, 'content-length', '999', 'transfer-encoding', 'chunked', 'connection', 'close'], 'own'),
      )
      .add('GET', '/throws', () => {
        throw new Error('route broke its contract');
      })
      .add('GET', '/all-headers', (req, ex) => (seen.push(req), ex.send(200, TEXT, 'ok')), { allHeaders: true })
      .add('GET', '/some-headers', (req, ex) => (seen.push(req), ex.send(200, TEXT, 'ok')), { headerNames: ['x-wanted', 'x-absent'] })
      .add('GET', '/no-headers', (req, ex) => (seen.push(req), ex.send(200, TEXT, 'ok')))
      .add('GET', '/a%20b', (req, ex) => (seen.push(req), ex.send(200, TEXT, 'ok')))
      .add('GET', '/ip', (req, ex) => ex.send(200, TEXT, String(req.ip)), { ip: true })
      .add('GET', '/no-ip', (req, ex) => ex.send(200, TEXT, String(req.ip)));
    server = await startAdapter(table);
    agent = new Agent({ connections: 1 });
  });

  afterAll(async () => {
    await agent.close();
    await server.adapter.close();
  });

  beforeEach(() => {
    seen.length = 0;
  });

  async function fetchText(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
    const response = await request(`${server.url}${path}`, { method: method as 'GET', dispatcher: agent });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  }

  it('sends status, headers and body', async () => {
    const response = await fetchText('/hello');
    expect(response.status).toBe(200);
    expect(response.body).toBe('hello');
    expect(response.headers['x-custom']).toBe('yes');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-length']).toBe('5');
  });

  it('writes the status line with its reason phrase', async () => {
    const { data } = await rawExchange(server.port, get('/teapot'), { responses: 1 });
    expect(data.toString('latin1').startsWith(`HTTP/1.1 418 ${STATUS_CODES[418]}\r\n`)).toBe(true);
    expect((await fetchText('/created', 'POST')).status).toBe(201);
  });

  it('answers unknown routes through the table (the adapter never branches on misses)', async () => {
    const response = await fetchText('/missing');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ message: 'Cannot GET /missing', error: 'Not Found', statusCode: 404 });
  });

  it('measures Content-Length in bytes for strings and sends Buffers as they are', async () => {
    const unicode = await fetchText('/unicode');
    expect(unicode.body).toBe('héllo wörld ✓');
    expect(Number(unicode.headers['content-length'])).toBe(Buffer.byteLength('héllo wörld ✓'));
    const binary = await request(`${server.url}/buffer`, { dispatcher: agent });
    expect(Buffer.from(await binary.body.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('sends Content-Length: 0 for a null body, and no Content-Length for a 204', async () => {
    const { data } = await rawExchange(server.port, get('/empty') + get('/no-content'), { responses: 2 });
    const [empty, noContent] = parseResponses(data).responses;
    expect(empty.status).toBe(200);
    expect(empty.headers['content-length']).toBe('0');
    expect(noContent.status).toBe(204);
    expect(noContent.headers['content-length']).toBeUndefined();
  });

  it('answers after the callback returned (corked write), and after a microtask', async () => {
    expect((await fetchText('/later')).body).toBe('answered later');
    expect((await fetchText('/after-microtask')).body).toBe('after a microtask');
  });

  it('answers HEAD with the GET Content-Length and no body, and keeps the connection usable', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write('HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n');
    const [head] = await connection.responses(1, 3000, 1);
    connection.write(get('/hello'));
    const [next] = await connection.responses(1);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('5');
    expect(next.status).toBe(200);
    expect(next.body.toString()).toBe('hello');
    expect(connection.closed).toBe(false);
    connection.destroy();
  });

  it('reuses a keep-alive connection for sequential requests', async () => {
    const connection = await RawConnection.open(server.port);
    for (const path of ['/hello', '/later', '/unicode', '/hello']) {
      connection.write(get(path));
      const [response] = await connection.responses(1);
      expect(response.status).toBe(200);
    }
    expect(connection.closed).toBe(false);
    connection.destroy();
  });

  it('closes the connection after a send with closeConnection', async () => {
    const result = await rawExchange(server.port, get('/close'), { waitMs: 1000 });
    const [response] = parseResponses(result.data).responses;
    expect(response.headers.connection).toBe('close');
    expect(response.body.toString()).toBe('bye');
    expect(result.closedByServer).toBe(true);
  });

  it('leaves framing headers to uWS and turns a connection: close header into a real close', async () => {
    const result = await rawExchange(server.port, get('/own-headers'), { waitMs: 1000 });
    const [response] = parseResponses(result.data).responses;
    expect(response.rawHeaderNames.filter((name) => name.toLowerCase() === 'content-length')).toHaveLength(1);
    expect(response.rawHeaderNames.filter((name) => name.toLowerCase() === 'connection')).toHaveLength(1);
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(response.headers['content-length']).toBe('3');
    expect(result.closedByServer).toBe(true);
  });

  it('answers 500 and logs when a route throws instead of answering', async () => {
    const response = await fetchText('/throws');
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).statusCode).toBe(500);
    expect(server.logger.errors.some(([message]) => String(message).includes('GET /throws'))).toBe(true);
  });

  it('copies every header when the route asks for all, merging repeats like node', async () => {
    await rawExchange(
      server.port,
      get('/all-headers', ['X-Multi: a', 'X-Multi: b', 'Cookie: a=1', 'Cookie: b=2', 'User-Agent: first', 'User-Agent: second', 'Constructor: c']),
      { responses: 1 },
    );
    const headers = seen[0].headers;
    expect(headers.host).toBe('test');
    expect(headers['x-multi']).toBe('a, b');
    expect(headers.cookie).toBe('a=1; b=2');
    expect(headers['user-agent']).toBe('first');
    expect(headers.constructor).toBe('c');
  });

  it('copies only the named headers, leaving out the missing ones', async () => {
    await rawExchange(server.port, get('/some-headers', ['X-Wanted: 1', 'X-Other: 2']), { responses: 1 });
    expect(seen[0].headers).toEqual({ 'x-wanted': '1' });
    await rawExchange(server.port, get('/no-headers', ['X-Wanted: 1']), { responses: 1 });
    expect(seen[1].headers).toEqual({});
  });

  it('passes method, undecoded path and raw query', async () => {
    await rawExchange(server.port, get('/no-headers'), { responses: 1 });
    await rawExchange(server.port, get('/no-headers?a=1&b=x%20y&a=2'), { responses: 1 });
    await rawExchange(server.port, get('/a%20b?'), { responses: 1 });
    expect(seen.map((req) => [req.method, req.path, req.rawQuery])).toEqual([
      ['GET', '/no-headers', ''],
      ['GET', '/no-headers', 'a=1&b=x%20y&a=2'],
      ['GET', '/a%20b', ''],
    ]);
    expect(seen[1].query).toEqual({ a: ['1', '2'], b: 'x y' });
  });

  it('fills request.ip only for routes that need it', async () => {
    expect((await fetchText('/ip')).body).toBe('127.0.0.1');
    expect((await fetchText('/no-ip')).body).toBe('undefined');
  });
});

import { request } from 'undici';
import { closeAll, delay, silentLogger, startAdapter } from './support/start-adapter';
import { fakeTable, JSON_HEADERS } from './support/fake-table';
import { hasResponses, parseResponses, rawRequest } from './support/raw-client';
import type { ArmatureRequest, HttpExchange } from '@armature/core';
import { NodeAdapter, type NodeExchange } from '../src';

afterEach(closeAll);

describe('NodeAdapter send', () => {
  it('writes status, headers and a string body with its byte length', async () => {
    const { origin } = await startAdapter({
      'POST /cats': (_req, ex) => ex.send(201, ['content-type', 'text/plain; charset=utf-8', 'x-cat', 'tom'], 'héllo'),
    });
    const response = await request(`${origin}/cats`, { method: 'POST' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-cat']).toBe('tom');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-length']).toBe('6');
    expect(await response.body.text()).toBe('héllo');
  });

  it('sends Buffer bodies, null bodies as Content-Length 0, and 204 without Content-Length', async () => {
    const { port } = await startAdapter({
      'GET /buffer': (_req, ex) => ex.send(200, [], Buffer.from([1, 2, 3])),
      'GET /empty': (_req, ex) => ex.send(200, [], null),
      'GET /none': (_req, ex) => ex.send(204, ['x-a', 'b'], null),
    });
    const raw = await rawRequest(
      port,
      'GET /buffer HTTP/1.1\r\nHost: a\r\n\r\nGET /empty HTTP/1.1\r\nHost: a\r\n\r\nGET /none HTTP/1.1\r\nHost: a\r\n\r\n',
      { until: hasResponses(3) },
    );
    const [buffer, empty, none] = parseResponses(raw.text);
    expect(buffer.headers['content-length']).toBe('3');
    expect(Buffer.from(buffer.body, 'latin1')).toEqual(Buffer.from([1, 2, 3]));
    expect(empty.headers['content-length']).toBe('0');
    expect(none.status).toBe(204);
    expect(none.headers['content-length']).toBeUndefined();
    expect(none.headers['transfer-encoding']).toBeUndefined();
    expect(none.headers['x-a']).toBe('b');
  });

  it('replaces a caller-supplied Content-Length with the real one and leaves the caller array alone', async () => {
    const shared = ['content-length', '999', 'x-shared', '1'];
    const { origin } = await startAdapter({ 'GET /': (_req, ex) => ex.send(200, shared, 'abc') });
    const first = await request(origin);
    expect(first.headers['content-length']).toBe('3');
    expect(await first.body.text()).toBe('abc');
    expect(shared).toEqual(['content-length', '999', 'x-shared', '1']);
  });

  it('answers HEAD with the real Content-Length and no body, keeping the connection usable', async () => {
    const { port } = await startAdapter({ 'GET /doc': (_req, ex) => ex.send(200, ['content-type', 'text/plain'], 'twelve bytes') });
    const raw = await rawRequest(port, 'HEAD /doc HTTP/1.1\r\nHost: a\r\n\r\nGET /doc HTTP/1.1\r\nHost: a\r\n\r\n', {
      until: (text) => text.endsWith('twelve bytes'),
    });
    // If HEAD had carried a body, the second response head would not start right after the first.
    const heads = raw.text.split('HTTP/1.1 200 OK');
    expect(heads).toHaveLength(3);
    expect(heads[1]).toMatch(/content-length: 12\r\n/i);
    expect(heads[1].endsWith('\r\n\r\n')).toBe(true);
    expect(heads[2].endsWith('\r\n\r\ntwelve bytes')).toBe(true);
  });

  it('keeps a Content-Length a HEAD handler states for a body it does not produce', async () => {
    const { port } = await startAdapter({ 'HEAD /file': (_req, ex) => ex.send(200, ['content-length', '4096'], null) });
    const raw = await rawRequest(port, 'HEAD /file HTTP/1.1\r\nHost: a\r\n\r\n', { until: (text) => text.endsWith('\r\n\r\n') });
    expect(raw.text).toMatch(/content-length: 4096\r\n/i);
    expect(raw.text.match(/content-length/gi)).toHaveLength(1);
  });

  it('splits path and query once and passes headers, raw request and (when asked) the ip', async () => {
    let seen: ArmatureRequest | undefined;
    const { origin } = await startAdapter({
      'GET /search': { needs: { ip: true }, run: (req, ex) => ((seen = req), ex.send(200, [], null)) },
    });
    await (await request(`${origin}/search?q=cat&n=2`, { headers: { 'x-token': 't' } })).body.dump();
    expect(seen!.path).toBe('/search');
    expect(seen!.rawQuery).toBe('q=cat&n=2');
    expect(seen!.query).toEqual({ q: 'cat', n: '2' });
    expect(seen!.headers['x-token']).toBe('t');
    expect(seen!.ip).toBe('127.0.0.1');
    expect((seen!.raw as { url: string }).url).toBe('/search?q=cat&n=2');
  });

  it('leaves ip unset when the route does not need it', async () => {
    let seen: ArmatureRequest | undefined;
    const { origin } = await startAdapter({ 'GET /': (req, ex) => ((seen = req), ex.send(200, [], null)) });
    await (await request(origin)).body.dump();
    expect(seen!.ip).toBeUndefined();
  });

  it('routes absolute-form request targets by their path', async () => {
    const { port } = await startAdapter({ 'GET /a': (req, ex) => ex.send(200, [], `q=${req.rawQuery}`) });
    const raw = await rawRequest(port, 'GET http://example.com/a?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n', { until: hasResponses(1) });
    expect(parseResponses(raw.text)[0].body).toBe('q=x=1');
  });

  it('answers an HTTP/1.1 request without Host with a JSON 400', async () => {
    const { port } = await startAdapter({ 'GET /': (_req, ex) => ex.send(200, [], 'ok') });
    const raw = await rawRequest(port, 'GET / HTTP/1.1\r\n\r\n', { until: hasResponses(1) });
    const [response] = parseResponses(raw.text);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ message: 'Missing Host header', error: 'Bad Request', statusCode: 400 });
  });

  it('answers 503 before init, then routes once init was called (the listener is attached at construction)', async () => {
    const adapter = new NodeAdapter();
    await adapter.listen(0, '127.0.0.1');
    try {
      const origin = `http://127.0.0.1:${adapter.address()!.port}`;
      const early = await request(origin);
      expect(early.statusCode).toBe(503);
      expect(await early.body.json()).toEqual({ message: 'The application is not initialized yet', error: 'Service Unavailable', statusCode: 503 });
      adapter.init(fakeTable({ 'GET /': (_req, ex) => ex.send(200, [], 'ready') }), { bodyLimit: 1, maxHeaderSize: 16384, logger: silentLogger });
      expect(await (await request(origin)).body.text()).toBe('ready');
    } finally {
      await adapter.close(500);
    }
  });

  it('answers 500 and logs when a route breaks its promise not to throw, and keeps serving', async () => {
    const errors: unknown[] = [];
    const { origin } = await startAdapter(
      {
        'GET /throws': () => {
          throw new Error('route bug');
        },
        'GET /ok': (_req, ex) => ex.send(200, [], 'ok'),
      },
      { logger: { log() {}, warn() {}, error: (message) => errors.push(message) } },
    );
    const response = await request(`${origin}/throws`);
    expect(response.statusCode).toBe(500);
    expect(await response.body.json()).toEqual({ message: 'Internal server error', error: 'Internal Server Error', statusCode: 500 });
    expect(String(errors[0])).toContain('route bug');
    expect(await (await request(`${origin}/ok`)).body.text()).toBe('ok');
  });

  it('reports aborted once the client left and then ignores send', async () => {
    let exchange: HttpExchange | undefined;
    let abortedBeforeLeaving: boolean | undefined;
    const { port } = await startAdapter({
      'GET /slow': (_req, ex) => {
        exchange = ex;
        abortedBeforeLeaving = ex.aborted;
      },
    });
    const raw = rawRequest(port, 'GET /slow HTTP/1.1\r\nHost: a\r\n\r\n', { timeoutMs: 100 });
    await raw;
    await delay(50);
    expect(abortedBeforeLeaving).toBe(false);
    expect(exchange!.aborted).toBe(true);
    exchange!.send(200, JSON_HEADERS, '{}');
    // Nothing was written: the response never got headers.
    expect((exchange as NodeExchange).res.headersSent).toBe(false);
  });
});

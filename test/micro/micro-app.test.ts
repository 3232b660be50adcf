import { Readable } from 'node:stream';
import { request } from 'undici';
import {
  BadRequestException,
  HttpResponse,
  NotFoundException,
  any,
  defineMiddleware,
  del,
  get,
  post,
  put,
  scope,
  t,
  type HttpMiddleware,
  type MicroServer,
} from '@armature/core';
import { ADAPTERS } from '../support/adapters';
import { microApp, startMicro } from './support';

class Store {
  readonly users = new Map<number, { id: number; name: string }>([[1, { id: 1, name: 'Ada' }]]);
  next = 2;
}

const NewUser = t.Object({ name: t.String({ minLength: 1 }) });
const User = t.Object({ id: t.Integer(), name: t.String() });

const order: string[] = [];
const trace = (name: string): HttpMiddleware =>
  defineMiddleware(
    async (_req, next) => {
      order.push(`${name} in`);
      const response = await next();
      order.push(`${name} out`);
      return response.appendHeader('x-trace', name);
    },
    { headers: [] },
  );

const auth = defineMiddleware(
  (req, next) => (req.header('authorization') === 'Bearer secret' ? next() : HttpResponse.json({ statusCode: 401, message: 'Unauthorized' }, 401)),
  { headers: ['authorization'] },
);

describe.each(ADAPTERS)('micro app on real sockets (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  let url: string;

  beforeAll(async () => {
    const app = microApp(createAdapter, { bodyLimit: 1024 })
      .wrap(trace('app'))
      .data(new Store())
      .route('/', get(() => HttpResponse.ok()))
      .route('/plaintext', get(() => 'Hello, World!'))
      .route('/echo', post(async (req) => req.json(), { status: 200 }))
      .route('/text', post(async (req) => `got ${(await req.text()).length} chars`))
      .route('/late', post(async (req) => {
        await new Promise((resolve) => setTimeout(resolve, 30)); // the body is read long after the callback returned
        return { late: await req.json() };
      }))
      .route('/get-body', get(async (req) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return `get body: ${await req.text()}`;
      }, { reads: { body: true } }))
      .route('/undeclared', get((req) => ({ agent: req.header('user-agent') })).post(async (req) => ({ ip: req.ip }), { reads: { body: false } }))
      .route('/undeclared-body', get(async (req) => req.text()))
      .route('/inspect', get((req) => ({ method: req.method, path: req.path, url: req.url, q: req.query('q'), header: req.header('X-Custom'), ip: req.ip }), { reads: { headers: ['x-custom'], ip: true } }))
      .route('/stream', get(() => HttpResponse.stream(Readable.from(['one,', 'two,', 'three']), { contentType: 'text/csv' })))
      .route('/redirect', get(() => HttpResponse.redirect('/plaintext')))
      .route('/any', any((req) => ({ method: req.method })))
      .route('/boom', get(() => {
        throw new BadRequestException('nope');
      }))
      .route('/crash', get(async () => {
        throw new Error('connection string postgres://admin:pw@db');
      }))
      .service(
        scope('/api')
          .wrap(trace('api'))
          .route('/users', get((req) => [...req.data(Store).users.values()]).post(
            async (req) => {
              const store = req.data(Store);
              const user = { id: store.next++, name: (await req.json()).name };
              store.users.set(user.id, user);
              return user;
            },
            { schema: { body: NewUser, response: User } },
          ))
          .route(
            '/users/:id',
            get((req) => {
              const user = req.data(Store).users.get(req.param('id'));
              if (user === undefined) throw new NotFoundException(`User #${req.param('id')} not found`);
              return user;
            }, { schema: { params: t.Object({ id: t.Integer() }), response: User } }).wrap(trace('route')),
          )
          .service(scope('/admin').wrap(auth).route('/users/:id', del((req) => HttpResponse.noContent().header('x-deleted', String(req.param('id')))))),
      );
    server = await startMicro(app);
    url = server.url;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    order.length = 0;
  });

  it('answers plain values and HttpResponses', async () => {
    const root = await fetch(`${url}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toBe('');
    const text = await fetch(`${url}/plaintext`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('Hello, World!');
  });

  it('reads params, query, headers and the address', async () => {
    const res = await fetch(`${url}/inspect?q=search%20me`, { headers: { 'x-custom': 'custom value' } });
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({ method: 'GET', path: '/inspect', url: '/inspect?q=search%20me', q: 'search me', header: 'custom value' });
    expect(body.ip).toMatch(/127\.0\.0\.1/);
  });

  it('echoes a JSON body, and reads a body after a long await', async () => {
    const payload = { id: 1, tags: ['a', 'b'], nested: { deep: true } };
    const echo = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(echo.status).toBe(200);
    expect(await echo.json()).toEqual(payload);
    const late = await fetch(`${url}/late`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 1 }) });
    expect(late.status).toBe(201);
    expect(await late.json()).toEqual({ late: { x: 1 } });
    const text = await fetch(`${url}/text`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(100) });
    expect(await text.text()).toBe('got 100 chars');
  });

  it('reads the body of a GET that declared it, after an await (uWS drops body data nobody listens for)', async () => {
    const res = await request(`${url}/get-body`, { method: 'GET', body: 'payload', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('get body: payload');
  });

  it('refuses to read what the route did not declare, the same way on both adapters', async () => {
    for (const [method, path] of [['GET', '/undeclared'], ['POST', '/undeclared'], ['GET', '/undeclared-body']]) {
      const res = await fetch(`${url}${path}`, { method, headers: { 'user-agent': 'test' } });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
    }
  });

  it('streams a response and redirects', async () => {
    const stream = await fetch(`${url}/stream`);
    expect(stream.headers.get('content-type')).toBe('text/csv');
    expect(await stream.text()).toBe('one,two,three');
    const redirect = await fetch(`${url}/redirect`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/plaintext');
  });

  it('any() answers every method with one handler', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await fetch(`${url}/any`, { method });
      expect(await res.json()).toEqual({ method });
    }
  });

  it('validates with schemas: 201 for a valid body, 400 naming the fields otherwise', async () => {
    const created = await fetch(`${url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Grace', extra: 1 }) });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: number; name: string };
    expect(user).toEqual({ id: expect.any(Number), name: 'Grace' });
    const found = await fetch(`${url}/api/users/${user.id}`);
    expect(await found.json()).toEqual(user);
    const invalid = await fetch(`${url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '' }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: ['body.name must be at least 1 character long'] });
    const badId = await fetch(`${url}/api/users/abc`);
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: ['params.id must be an integer'] });
  });

  it('runs middleware as an onion, app → scope → route', async () => {
    const res = await fetch(`${url}/api/users/1`);
    expect(res.status).toBe(200);
    expect(order).toEqual(['app in', 'api in', 'route in', 'route out', 'api out', 'app out']);
    expect(res.headers.get('x-trace')).toBe('route, api, app');
  });

  it('lets a scope middleware short-circuit', async () => {
    const denied = await fetch(`${url}/api/admin/users/1`, { method: 'DELETE' });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ statusCode: 401, message: 'Unauthorized' });
    const allowed = await fetch(`${url}/api/admin/users/1`, { method: 'DELETE', headers: { authorization: 'Bearer secret' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('x-deleted')).toBe('1');
  });

  it('answers errors in NestJS shape, without internals', async () => {
    const boom = await fetch(`${url}/boom`);
    expect(boom.status).toBe(400);
    expect(await boom.json()).toEqual({ statusCode: 400, message: 'nope', error: 'Bad Request' });
    const crash = await fetch(`${url}/crash`);
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(JSON.parse(text)).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect(text).not.toContain('postgres');
    const missing = await fetch(`${url}/api/users/999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ statusCode: 404, message: 'User #999 not found', error: 'Not Found' });
  });

  it('answers malformed JSON with 400 and an oversized body with 413, then keeps serving', async () => {
    const malformed = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const tooBig = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ big: 'x'.repeat(5000) }) });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect((await fetch(`${url}/plaintext`)).status).toBe(200);
  });

  it('answers unknown paths with 404 and wrong methods with 405 + Allow, through the app middleware', async () => {
    const missing = await fetch(`${url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-trace')).toBe('app');
    expect(await missing.json()).toEqual({ statusCode: 404, message: 'Cannot GET /nowhere', error: 'Not Found' });
    const wrong = await fetch(`${url}/plaintext`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    await wrong.arrayBuffer();
  });

  it('answers HEAD for a GET route without a body', async () => {
    const res = await request(`${url}/plaintext`, { method: 'HEAD' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe('13');
    expect(await res.body.text()).toBe('');
  });

  it('keeps a bodiless PUT cheap and correct', async () => {
    const res = await fetch(`${url}/any`, { method: 'PUT' });
    expect(await res.json()).toEqual({ method: 'PUT' });
  });
});

describe('App.run targets', () => {
  it('listens on host:port strings and closes', async () => {
    const server = await microApp(ADAPTERS[1][1]).route('/', get(() => 'up')).run('127.0.0.1:0');
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.port).toBeGreaterThan(0);
      expect(await (await fetch(server.url)).text()).toBe('up');
    } finally {
      await server.close();
    }
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('refuses malformed targets', async () => {
    const app = microApp(ADAPTERS[1][1]);
    await expect(app.run('localhost')).rejects.toThrow(/host:port/);
    await expect(app.run('localhost:http')).rejects.toThrow(/port must be a number/);
    await expect(app.run(70000)).rejects.toThrow(/0 to 65535/);
    await expect(app.run({ port: 0, workers: 0 })).rejects.toThrow(/'auto' or a positive integer/);
  });
});

void put;

import { Body, Controller, Get, Module, Param, Post, BadRequestException, HttpException } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';
import { rawRequest, statusesOf } from '../support/raw-http';

class DatabaseError extends Error {
  constructor() {
    super('connection string postgres://admin:secret@db/prod refused');
  }
}

@Controller()
class ProblemController {
  @Get('crash')
  crash() {
    throw new DatabaseError();
  }

  @Get('crash-async')
  async crashAsync() {
    await Promise.resolve();
    throw new DatabaseError();
  }

  @Get('teapot')
  teapot() {
    throw new HttpException({ statusCode: 418, message: 'short and stout', extra: 1 }, 418);
  }

  @Get('invalid')
  invalid() {
    throw new BadRequestException(['name must be a string', 'age must be positive']);
  }

  @Post('echo')
  echo(@Body() body: unknown) {
    return body;
  }

  @Get('slow/:ms')
  async slow(@Param('ms') ms: string) {
    await new Promise((r) => setTimeout(r, Number(ms)));
    return { waited: Number(ms) };
  }

  @Get('hello')
  hello() {
    return { hello: 'world' };
  }
}

@Module({ controllers: [ProblemController] })
class ProblemModule {}

describe.each(ADAPTERS)('errors and HTTP behaviour on the %s adapter', (name, createAdapter) => {
  let running: RunningApp;
  let url: string;

  beforeAll(async () => {
    running = await startApp(ProblemModule, createAdapter, { bodyLimit: 1024 });
    url = running.url;
  });
  afterAll(() => running.close());

  const post = (path: string, body: string | Buffer, contentType = 'application/json') =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('unknown route → 404 with NestJS body', async () => {
    const res = await fetch(`${url}/nope?x=1`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ message: 'Cannot GET /nope?x=1', error: 'Not Found', statusCode: 404 });
  });

  it('known path, wrong method → 405 with Allow', async () => {
    const res = await fetch(`${url}/echo`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ message: 'Cannot GET /echo', error: 'Method Not Allowed', statusCode: 405 });
  });

  it('HEAD is answered for GET routes, with the length and no body', async () => {
    const res = await fetch(`${url}/hello`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(JSON.stringify({ hello: 'world' }).length));
    expect(await res.text()).toBe('');
  });

  it('an unknown error → 500 with no internals in the body', async () => {
    for (const path of ['/crash', '/crash-async']) {
      const res = await fetch(url + path);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ statusCode: 500, message: 'Internal server error' });
      expect(text).not.toMatch(/secret|postgres|DatabaseError|at /);
    }
  });

  it('HttpException bodies are sent as given; validation-style messages are arrays', async () => {
    const teapot = await fetch(`${url}/teapot`);
    expect(teapot.status).toBe(418);
    expect(await teapot.json()).toEqual({ statusCode: 418, message: 'short and stout', extra: 1 });
    const invalid = await fetch(`${url}/invalid`);
    expect(await invalid.json()).toEqual({ message: ['name must be a string', 'age must be positive'], error: 'Bad Request', statusCode: 400 });
  });

  it('malformed JSON → 400, and the server keeps serving', async () => {
    const res = await post('/echo', '{"a":');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string };
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.message).toMatch(/Malformed JSON/);
    expect((await fetch(`${url}/hello`)).status).toBe(200);
  });

  it('a body over the limit → 413, and the server keeps serving', async () => {
    const res = await post('/echo', JSON.stringify({ big: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect((await fetch(`${url}/hello`)).status).toBe(200);
  });

  it('a chunked body that grows over the limit → 413', async () => {
    const chunks = (async function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(512, 'a');
    })();
    const res = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: chunks as never, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('an unsupported content type on a @Body route → 415', async () => {
    const res = await post('/echo', '<cat/>', 'application/xml');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
  });

  it('__proto__ keys are refused with 400', async () => {
    const res = await post('/echo', '{"__proto__":{"admin":true}}');
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('deeply nested JSON within the limit is answered and never crashes the server', async () => {
    const local = await startApp(ProblemModule, createAdapter, { bodyLimit: 1024 * 1024 });
    try {
      const depth = 200_000;
      const res = await fetch(`${local.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '['.repeat(depth) + ']'.repeat(depth) });
      // V8 parses it; echoing it back cannot be serialised (JSON.stringify recursion): a clean 500.
      expect([201, 400, 500]).toContain(res.status);
      expect(await res.json()).toHaveProperty('statusCode');
      expect((await fetch(`${local.url}/hello`)).status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('malformed percent-encoding in the path → 400', async () => {
    const raw = await rawRequest(running.port, 'GET /slow/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n', 500);
    expect(statusesOf(raw.text)).toEqual([400]);
  });

  it('answers keep-alive pipelined requests in order', async () => {
    const requests = ['/hello', '/nope', '/hello'].map((p) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`).join('');
    const raw = await rawRequest(running.port, requests, 500);
    expect(statusesOf(raw.text)).toEqual([200, 404, 200]);
  });

  it('pipelined requests behind a slow (async) answer: in order on node, a clean close on uWS', async () => {
    const requests = ['/slow/60', '/hello', '/slow/5'].map((p) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`).join('');
    const raw = await rawRequest(running.port, requests, 1000);
    if (name === 'node') {
      expect(statusesOf(raw.text)).toEqual([200, 200, 200]);
      const bodies = raw.text.split('\r\n\r\n').slice(1).map((b) => b.split('HTTP/1.1')[0]);
      expect(bodies[0]).toContain('"waited":60');
      expect(bodies[1]).toContain('"hello":"world"');
      expect(bodies[2]).toContain('"waited":5');
    } else {
      // This uWS build refuses pipelining behind an async response: it closes the connection
      // rather than answer out of order (see packages/platform-uws/README.md). Never a wrong order.
      expect(raw.closed).toBe(true);
      expect(statusesOf(raw.text).every((status) => status === 200)).toBe(true);
    }
    await expect(fetch(`${url}/hello`)).resolves.toHaveProperty('status', 200);
  });
});

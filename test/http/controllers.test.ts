import { Readable } from 'node:stream';
import { of } from 'rxjs';
import { request } from 'undici';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HostParam,
  HttpCode,
  Ip,
  Module,
  Next,
  Param,
  Post,
  Put,
  Query,
  Redirect,
  Req,
  Res,
  All,
  StreamableFile,
  type ArmatureRequest,
  type ArmatureResponse,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

@Controller('items')
class ItemsController {
  @Get()
  list(@Query() query: Record<string, unknown>) {
    return { query };
  }

  @Get('text')
  text() {
    return 'plain words';
  }

  @Get('number')
  number() {
    return 42;
  }

  @Get('buffer')
  buffer() {
    return Buffer.from([1, 2, 3]);
  }

  @Get('stream')
  stream() {
    return Readable.from(['chunk-1 ', 'chunk-2 ', 'chunk-3']);
  }

  @Get('file')
  file() {
    return new StreamableFile(Buffer.from('a,b\n1,2\n'), { type: 'text/csv', disposition: 'attachment; filename="items.csv"' });
  }

  @Get('nothing')
  nothing() {
    return undefined;
  }

  @Get('observable')
  observable() {
    return of({ from: 'observable' });
  }

  @Get('async')
  async later() {
    await new Promise((r) => setTimeout(r, 10));
    return { late: true };
  }

  @Get('files/*path')
  wildcard(@Param('path') path: string) {
    return { path };
  }

  @Get('optional/:name?')
  optional(@Param('name') name?: string) {
    return { name: name ?? null };
  }

  @Get(':id')
  one(@Param('id') id: string, @Param() all: Record<string, string>) {
    return { id, all };
  }

  @Post()
  create(@Body() body: unknown, @Body('name') name: unknown) {
    return { body, name };
  }

  @Put(':id')
  @HttpCode(202)
  @Header('X-Item', 'updated')
  @Header('Cache-Control', 'no-store')
  update(@Param('id') id: string, @Headers('x-trace') trace: string, @Headers() headers: Record<string, string>) {
    return { id, trace, agent: typeof headers['user-agent'] };
  }

  @Delete(':id')
  @HttpCode(204)
  remove() {}

  @Get('req/info')
  info(@Req() req: ArmatureRequest, @Ip() ip: string) {
    return { method: req.method, path: req.path, url: req.url, host: req.hostname, ip, query: req.query, header: req.get('X-Custom') };
  }

  @Get('res/manual')
  manual(@Res() res: ArmatureResponse) {
    setTimeout(() => res.status(418).header('x-manual', 'yes').json({ teapot: true }), 5);
  }

  @Get('res/passthrough')
  passthrough(@Res({ passthrough: true }) res: ArmatureResponse) {
    res.setHeader('x-passthrough', 'yes');
    return { passed: true };
  }

  @Get('next/error')
  nextError(@Next() next: (error?: unknown) => void) {
    next(new Error('via next'));
  }

  @Get('go/away')
  @Redirect('https://example.com/docs', 301)
  redirect() {}

  @Get('go/dynamic')
  @Redirect('https://example.com/old')
  dynamicRedirect(@Query('to') to?: string) {
    return to === undefined ? undefined : { url: `https://example.com/${to}`, statusCode: 307 };
  }

  @All('any')
  any(@Req() req: ArmatureRequest) {
    return { method: req.method };
  }

  @Get('any')
  explicitGetWinsOverAll() {
    return { explicit: true };
  }
}

@Controller({ host: ':tenant.localtest.me', path: 'tenant' })
class TenantController {
  @Get()
  who(@HostParam('tenant') tenant: string) {
    return { tenant };
  }
}

@Module({ controllers: [ItemsController, TenantController] })
class ItemsModule {}

describe.each(ADAPTERS)('controllers on the %s adapter', (_name, createAdapter) => {
  let running: RunningApp;
  let url: string;

  beforeAll(async () => {
    running = await startApp(ItemsModule, createAdapter);
    url = running.url;
  });
  afterAll(() => running.close());

  const getJson = async (path: string, init?: RequestInit) => {
    const res = await fetch(url + path, init);
    return { res, body: await res.json() };
  };

  it('parses query strings; repeated keys become arrays', async () => {
    const { res, body } = await getJson('/items?a=1&b=2&b=3&c=%20x');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body).toEqual({ query: { a: '1', b: ['2', '3'], c: ' x' } });
  });

  it('decodes route params and exposes all of them', async () => {
    const { body } = await getJson('/items/a%20b%2Fc');
    expect(body).toEqual({ id: 'a b/c', all: { id: 'a b/c' } });
  });

  it('serves wildcard and optional params', async () => {
    expect((await getJson('/items/files/a/b/c.txt')).body).toEqual({ path: 'a/b/c.txt' });
    expect((await getJson('/items/optional')).body).toEqual({ name: null });
    expect((await getJson('/items/optional/tom')).body).toEqual({ name: 'tom' });
  });

  it('answers strings and other primitives as text/html, Buffers as octet-stream', async () => {
    const text = await fetch(`${url}/items/text`);
    expect(text.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await text.text()).toBe('plain words');
    const number = await fetch(`${url}/items/number`);
    expect(await number.text()).toBe('42');
    const buffer = await fetch(`${url}/items/buffer`);
    expect(buffer.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await buffer.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
  });

  it('streams readables and StreamableFile', async () => {
    const stream = await fetch(`${url}/items/stream`);
    expect(await stream.text()).toBe('chunk-1 chunk-2 chunk-3');
    const file = await fetch(`${url}/items/file`);
    expect(file.headers.get('content-type')).toBe('text/csv');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="items.csv"');
    expect(await file.text()).toBe('a,b\n1,2\n');
  });

  it('answers undefined with an empty 200, observables and promises with their value', async () => {
    const nothing = await fetch(`${url}/items/nothing`);
    expect(nothing.status).toBe(200);
    expect(await nothing.text()).toBe('');
    expect((await getJson('/items/observable')).body).toEqual({ from: 'observable' });
    expect((await getJson('/items/async')).body).toEqual({ late: true });
  });

  it('POST defaults to 201 and parses JSON, forms and text', async () => {
    const json = await getJson('/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"box"}' });
    expect(json.res.status).toBe(201);
    expect(json.body).toEqual({ body: { name: 'box' }, name: 'box' });
    const form = await getJson('/items', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=crate&tag=a&tag=b' });
    expect(form.body).toEqual({ body: { name: 'crate', tag: ['a', 'b'] }, name: 'crate' });
    const text = await getJson('/items', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.body).toEqual({ body: 'hello' });
  });

  it('applies @HttpCode and @Header, reads named and all headers case-insensitively', async () => {
    const { res, body } = await getJson('/items/7', { method: 'PUT', headers: { 'X-Trace': 'abc' } });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-item')).toBe('updated');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({ id: '7', trace: 'abc', agent: 'string' });
    const removed = await fetch(`${url}/items/7`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
  });

  it('gives @Req an Express-like request and @Ip the remote address', async () => {
    const { body } = await getJson('/items/req/info?x=1', { headers: { 'X-Custom': 'yes' } });
    expect(body).toEqual({ method: 'GET', path: '/items/req/info', url: '/items/req/info?x=1', host: '127.0.0.1', ip: expect.stringMatching(/127\.0\.0\.1/), query: { x: '1' }, header: 'yes' });
  });

  it('lets @Res answer by hand (also after an await) and passthrough keep the return value', async () => {
    const manual = await getJson('/items/res/manual');
    expect(manual.res.status).toBe(418);
    expect(manual.res.headers.get('x-manual')).toBe('yes');
    expect(manual.body).toEqual({ teapot: true });
    const pass = await getJson('/items/res/passthrough');
    expect(pass.res.headers.get('x-passthrough')).toBe('yes');
    expect(pass.body).toEqual({ passed: true });
  });

  it('turns an error passed to @Next into a 500 without internals', async () => {
    const { res, body } = await getJson('/items/next/error');
    expect(res.status).toBe(500);
    expect(body).toEqual({ statusCode: 500, message: 'Internal server error' });
  });

  it('redirects with @Redirect, and lets the handler override it', async () => {
    const fixed = await fetch(`${url}/items/go/away`, { redirect: 'manual' });
    expect(fixed.status).toBe(301);
    expect(fixed.headers.get('location')).toBe('https://example.com/docs');
    const dynamic = await fetch(`${url}/items/go/dynamic?to=new`, { redirect: 'manual' });
    expect(dynamic.status).toBe(307);
    expect(dynamic.headers.get('location')).toBe('https://example.com/new');
    const fallback = await fetch(`${url}/items/go/dynamic`, { redirect: 'manual' });
    expect(fallback.status).toBe(302);
    expect(fallback.headers.get('location')).toBe('https://example.com/old');
  });

  it('@All answers every method, an explicit route wins over it', async () => {
    expect((await getJson('/items/any', { method: 'PATCH' })).body).toEqual({ method: 'PATCH' });
    expect((await getJson('/items/any', { method: 'POST' })).body).toEqual({ method: 'POST' });
    expect((await getJson('/items/any')).body).toEqual({ explicit: true });
  });

  it('routes by host and reads @HostParam', async () => {
    // fetch forbids setting Host; undici's request does not.
    const res = await request(`${url}/tenant`, { headers: { host: 'acme.localtest.me' } });
    expect(await res.body.json()).toEqual({ tenant: 'acme' });
    const other = await fetch(`${url}/tenant`);
    expect(other.status).toBe(404);
  });
});

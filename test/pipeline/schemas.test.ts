import { Body, Controller, Get, Module, Param, Post, Query, Schema, UseGuards, t, type Static } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

const CreateCat = t.Object({
  name: t.String({ minLength: 1 }),
  age: t.Integer({ minimum: 0 }),
  address: t.Optional(t.Object({ city: t.String() })),
});
type CreateCat = Static<typeof CreateCat>;

const Cat = t.Object({ id: t.Integer(), name: t.String() });

@Controller('cats')
class CatsController {
  @Post()
  @UseGuards({ canActivate: () => true })
  @Schema({ body: CreateCat, response: { 201: Cat } })
  create(@Body() body: CreateCat) {
    return { id: 1, name: body.name, secret: 'never serialized' };
  }

  @Get(':id')
  @Schema({ params: t.Object({ id: t.Integer() }), query: t.Object({ tags: t.Optional(t.Array(t.String())) }) })
  one(@Param('id') id: number, @Query('tags') tags?: string[]) {
    return { id, idType: typeof id, tags: tags ?? [] };
  }

  @Get('broken/:id')
  @Schema({ response: Cat })
  broken() {
    return { id: 'not-a-number', name: 5 };
  }
}

@Module({ controllers: [CatsController] })
class CatsModule {}

describe.each(ADAPTERS)('route schemas on the %s adapter', (_name, createAdapter) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp(CatsModule, createAdapter);
  });
  afterAll(() => running.close());

  const post = (body: unknown) =>
    fetch(`${running.url}/cats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('valid bodies pass; the response is serialized by its schema (unknown fields dropped)', async () => {
    const res = await post({ name: 'Tom', age: 3 });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('{"id":1,"name":"Tom"}');
  });

  it('invalid bodies → 400 naming every failing field path', async () => {
    const res = await post({ name: '', age: -1, address: { city: 7 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string[]; error: string };
    expect(body.error).toBe('Bad Request');
    expect(body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^body\.name /), expect.stringMatching(/^body\.age /), 'body.address.city must be a string']));
  });

  it('params and query are coerced by their schemas before the handler sees them', async () => {
    const res = await fetch(`${running.url}/cats/42?tags=a&tags=b`);
    expect(await res.json()).toEqual({ id: 42, idType: 'number', tags: ['a', 'b'] });
    const bad = await fetch(`${running.url}/cats/abc`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string[] }).message).toEqual([expect.stringMatching(/^params\.id /)]);
  });

  it('a response that does not match its schema is a 500, never sent broken', async () => {
    const res = await fetch(`${running.url}/cats/broken/1`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
  });
});

describe('route listing with a pipeline', () => {
  it('getRoutes() names guards and carries the schema metadata', async () => {
    const running = await startApp(CatsModule, ADAPTERS[1][1]);
    try {
      const create = running.app.getRoutes().find((r) => r.method === 'POST' && r.path === '/cats');
      expect(create?.guards).toEqual(['anonymous']);
      expect(create?.schemas?.body).toBe(CreateCat);
      expect(create?.schemas?.responses[201]).toBe(Cat);
    } finally {
      await running.close();
    }
  });
});

import { Readable } from 'node:stream';
import { request } from 'undici';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpResponse,
  Injectable,
  Module,
  Param,
  Post,
  defineMiddleware,
  type HttpMiddleware,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

@Injectable()
class Greeting {
  readonly word = 'hello';
}

@Controller()
class ItemsController {
  @Get('items/:id')
  one(@Param('id') id: string) {
    return { id };
  }

  @Post('items')
  create(@Body() body: { name: string }) {
    return { created: body.name };
  }

  @Get('boom')
  boom() {
    throw new BadRequestException('no good');
  }

  @Get('crash')
  crash() {
    throw new Error('internal detail');
  }

  @Get('stream')
  stream() {
    return Readable.from(['a', 'b', 'c']);
  }

  @Get('api/inside')
  inside() {
    return 'inside';
  }
}

@Module({ controllers: [ItemsController], providers: [Greeting] })
class AppModule {}

/** Records what it saw on the way in and out, and tags the response. */
const seen: string[] = [];
const tagging = defineMiddleware(
  async (req, next) => {
    seen.push(`in ${req.method} ${req.path}`);
    const response = await next();
    seen.push(`out ${response.status}${response.error === undefined ? '' : ` ${(response.error as Error).constructor.name}`}`);
    return response.header('x-tag', `${req.data(Greeting).word}:${req.header('x-probe') ?? '-'}`);
  },
  { headers: ['x-probe'] },
);

const gate: HttpMiddleware = defineMiddleware((req, next) => (req.header('x-block') === 'yes' ? HttpResponse.json({ blocked: true }, 403) : next()), {
  headers: ['x-block'],
});

/** Reads the body before the route does: both must see it. */
const bodyPeek = defineMiddleware(
  async (req, next) => {
    if (req.method !== 'POST') return next();
    const body = await req.json<{ name: string }>();
    return (await next()).header('x-peeked', body.name);
  },
  { body: true },
);

describe.each(ADAPTERS)('Armature middleware in a decorator app (%s)', (_name, createAdapter) => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, (app) => {
      app.use(tagging, gate);
      app.use('/items', bodyPeek);
      app.use('/api', defineMiddleware(async (_req, next) => (await next()).header('x-api', '1'), { headers: [] }));
    });
  });
  afterAll(() => running.close());
  beforeEach(() => {
    seen.length = 0;
  });

  it('wraps a route: sees the request on the way in and the response on the way out', async () => {
    const res = await request(`${running.url}/items/7`, { headers: { 'x-probe': 'p1' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-tag']).toBe('hello:p1');
    expect(await res.body.json()).toEqual({ id: '7' });
    expect(seen).toEqual(['in GET /items/7', 'out 200']);
  });

  it('lets a middleware answer by itself without running the route', async () => {
    const res = await request(`${running.url}/items/7`, { headers: { 'x-block': 'yes' } });
    expect(res.statusCode).toBe(403);
    expect(await res.body.json()).toEqual({ blocked: true });
    expect(res.headers['x-tag']).toBe('hello:-'); // the outer layer still decorates it
  });

  it('shares one body read between a middleware and the route', async () => {
    const res = await request(`${running.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bolt' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-peeked']).toBe('bolt');
    expect(await res.body.json()).toEqual({ created: 'bolt' });
  });

  it('answers malformed JSON read by a middleware with 400 and keeps serving', async () => {
    const res = await request(`${running.url}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const after = await request(`${running.url}/items/1`);
    expect(after.statusCode).toBe(200);
    await after.body.dump();
  });

  it('hands error responses to the middleware with the exception attached', async () => {
    const res = await request(`${running.url}/boom`);
    expect(res.statusCode).toBe(400);
    expect(await res.body.json()).toEqual({ statusCode: 400, message: 'no good', error: 'Bad Request' });
    expect(seen).toEqual(['in GET /boom', 'out 400 BadRequestException']);
    expect(res.headers['x-tag']).toBe('hello:-');
  });

  it('keeps internals out of a 500', async () => {
    const res = await request(`${running.url}/crash`);
    expect(res.statusCode).toBe(500);
    expect(await res.body.text()).not.toContain('internal detail');
  });

  it('runs for unmatched paths too (404 and 405)', async () => {
    const missing = await request(`${running.url}/nowhere`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-tag']).toBe('hello:-');
    expect(await missing.body.json()).toEqual({ statusCode: 404, message: 'Cannot GET /nowhere', error: 'Not Found' });
    const wrongMethod = await request(`${running.url}/boom`, { method: 'DELETE' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toContain('GET');
    expect(wrongMethod.headers['x-tag']).toBe('hello:-');
    await wrongMethod.body.dump();
  });

  it('passes streamed bodies through', async () => {
    const res = await request(`${running.url}/stream`);
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('abc');
    expect(res.headers['x-tag']).toBe('hello:-');
  });

  it('applies prefixed middleware only under its prefix, on segment boundaries', async () => {
    const inside = await request(`${running.url}/api/inside`);
    expect(inside.headers['x-api']).toBe('1');
    await inside.body.dump();
    const missInside = await request(`${running.url}/api/missing`);
    expect(missInside.statusCode).toBe(404);
    expect(missInside.headers['x-api']).toBe('1');
    await missInside.body.dump();
    const outside = await request(`${running.url}/items/1`);
    expect(outside.headers['x-api']).toBeUndefined();
    await outside.body.dump();
  });
});

describe('composition failures', () => {
  let running: RunningApp;
  afterEach(() => running?.close());

  it('answers 500 when a middleware returns something that is not a response, and when it calls next twice', async () => {
    running = await startApp(AppModule, ADAPTERS[0][1], {}, (app) => {
      app.use(defineMiddleware(((req: unknown, next: () => Promise<HttpResponse>) => (String((req as { path: string }).path).startsWith('/items') ? undefined : next())) as unknown as HttpMiddleware));
      app.use(defineMiddleware(async (_req, next) => {
        await next();
        return next();
      }));
    });
    const notAResponse = await request(`${running.url}/items/1`);
    expect(notAResponse.statusCode).toBe(500);
    expect(await notAResponse.body.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
    const twice = await request(`${running.url}/api/inside`);
    expect(twice.statusCode).toBe(500);
    await twice.body.dump();
  });

  it('refuses Express and Armature middleware mixed in one use() call', async () => {
    const { ArmatureFactory } = await import('@armature/core');
    const app = await ArmatureFactory.create(AppModule, ADAPTERS[1][1](), { logger: false });
    expect(() => app.use(tagging, ((_req: unknown, _res: unknown, next: () => void) => next()) as never)).toThrow(/separate calls/);
    running = { app, url: '', port: 0, close: () => app.close() };
  });
});

import {
  ArmatureFactory,
  Body,
  Controller,
  Get,
  Injectable,
  Module,
  NotFoundException,
  Param,
  Post,
  defineMiddleware,
  get,
  post,
  scope,
  type HttpMiddleware,
  type MicroServer,
  type OnModuleInit,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';
import { microApp, startMicro } from './support';

/** A singleton both APIs use: state written by one is read by the other. */
@Injectable()
class Counter {
  value = 0;
}

@Controller('cats')
class CatsController {
  constructor(private readonly counter: Counter) {}

  @Get(':id')
  one(@Param('id') id: string) {
    if (id === '0') throw new NotFoundException('Cat #0 not found');
    return { id, counter: this.counter.value };
  }

  @Post('bump')
  bump(@Body() body: { by: number }) {
    this.counter.value += body.by;
    return { counter: this.counter.value };
  }
}

@Module({ controllers: [CatsController], providers: [Counter], exports: [Counter] })
class CatsModule {}

/** Tags responses and sets locals the handler reads: proof that one HttpRequest goes through. */
const stamp = defineMiddleware(
  async (req, next) => {
    req.locals.stamp = 'stamped';
    req.id = 'rid-1';
    return (await next()).header('x-stamp', 'yes');
  },
  { headers: [] },
);

const microScope = () =>
  scope('/micro')
    .wrap(defineMiddleware(async (_req, next) => (await next()).header('x-scope', 'micro'), { headers: [] }))
    .route('/counter', get((req) => ({ counter: req.data(Counter).value, stamp: req.locals.stamp ?? null, id: req.id ?? null })))
    .route('/bump', post(async (req) => {
      req.data(Counter).value += (await req.json<{ by: number }>()).by;
      return { counter: req.data(Counter).value };
    }))
    .route('/missing', get(() => {
      throw new NotFoundException('Cat #0 not found');
    }));

describe.each(ADAPTERS)('a micro scope mounted into a decorator app (%s)', (_name, createAdapter) => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(CatsModule, createAdapter, {}, (app) => {
      app.setGlobalPrefix('v1');
      app.enableCors({ origin: 'https://example.com' });
      app.use(stamp);
      app.mount(microScope());
    });
  });
  afterAll(() => running.close());

  it('serves micro routes from the same table, under the global prefix', async () => {
    const res = await fetch(`${running.url}/v1/micro/counter`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-scope')).toBe('micro');
    expect((await fetch(`${running.url}/micro/counter`)).status).toBe(404);
  });

  it('shares DI singletons: a write through one API is read through the other', async () => {
    const before = ((await (await fetch(`${running.url}/v1/micro/counter`)).json()) as { counter: number }).counter;
    await fetch(`${running.url}/v1/cats/bump`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 2 }) });
    const micro = (await (await fetch(`${running.url}/v1/micro/counter`)).json()) as { counter: number };
    expect(micro.counter).toBe(before + 2);
    await fetch(`${running.url}/v1/micro/bump`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 3 }) });
    const decorator = (await (await fetch(`${running.url}/v1/cats/1`)).json()) as { counter: number };
    expect(decorator.counter).toBe(before + 5);
  });

  it('runs app.use() middleware once, in the same chain as the handler (locals and id reach it)', async () => {
    const res = await fetch(`${running.url}/v1/micro/counter`);
    expect(res.headers.get('x-stamp')).toBe('yes');
    expect(await res.json()).toMatchObject({ stamp: 'stamped', id: 'rid-1' });
    const decorator = await fetch(`${running.url}/v1/cats/1`);
    expect(decorator.headers.get('x-stamp')).toBe('yes');
  });

  it('applies the app CORS policy to micro routes and answers their preflight', async () => {
    const res = await fetch(`${running.url}/v1/micro/counter`, { headers: { origin: 'https://example.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://example.com');
    const preflight = await fetch(`${running.url}/v1/micro/bump`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('answers the same exception with the same body from both APIs', async () => {
    const micro = await fetch(`${running.url}/v1/micro/missing`);
    const decorator = await fetch(`${running.url}/v1/cats/0`);
    expect(micro.status).toBe(404);
    expect(decorator.status).toBe(404);
    expect(await micro.json()).toEqual(await decorator.json());
  });

  it('lists micro routes in getRoutes()', () => {
    const routes = running.app.getRoutes().filter((route) => route.module === 'mounted');
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(['GET /v1/micro/counter', 'POST /v1/micro/bump', 'GET /v1/micro/missing']);
    expect(routes[0].handler).toBe('GET /v1/micro/counter (micro)');
  });

  it('refuses a micro route that clashes with a decorator route, naming both', async () => {
    const app = await ArmatureFactory.create(CatsModule, createAdapter(), { logger: false });
    app.mount(scope('/cats').route('/:name', get(function catByName() {
      return 'clash';
    })));
    await expect(app.init()).rejects.toThrow(/Duplicate route GET \/cats\/:name: declared by both CatsController#one and GET \/cats\/:name \(micro: catByName\)/);
  });
});

/** Injects what the micro app gave to `.data()`: micro state is DI state. */
class Settings {
  constructor(readonly greeting: string) {}
}

const hookLog: string[] = [];

@Controller('hello')
class HelloController implements OnModuleInit {
  constructor(private readonly settings: Settings) {}
  onModuleInit() {
    hookLog.push('HelloController init');
  }
  @Get()
  hello() {
    return { greeting: this.settings.greeting };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

describe.each(ADAPTERS)('a decorator module inside a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;

  beforeAll(async () => {
    hookLog.length = 0;
    const wrapAll: HttpMiddleware = async (_req, next) => (await next()).header('x-app', 'micro');
    server = await startMicro(
      microApp(createAdapter)
        .wrap(wrapAll)
        .data(new Settings('bonjour'))
        .module(CatsModule, HelloModule)
        .route('/micro/counter', get((req) => ({ counter: req.data(Counter).value, greeting: req.data(Settings).greeting }))),
    );
  });
  afterAll(() => server.close());

  it("serves the module's controllers, with the app's data injected and its lifecycle run", async () => {
    const res = await fetch(`${server.url}/hello`);
    expect(await res.json()).toEqual({ greeting: 'bonjour' });
    expect(hookLog).toEqual(['HelloController init']);
  });

  it("wraps the module's routes and the 404s with the app's middleware", async () => {
    expect((await fetch(`${server.url}/cats/1`)).headers.get('x-app')).toBe('micro');
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-app')).toBe('micro');
  });

  it("resolves the module's providers from micro handlers (same instances)", async () => {
    await fetch(`${server.url}/cats/bump`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 4 }) });
    const res = await fetch(`${server.url}/micro/counter`);
    expect(await res.json()).toEqual({ counter: 4, greeting: 'bonjour' });
    expect(res.headers.get('x-app')).toBe('micro');
  });
});

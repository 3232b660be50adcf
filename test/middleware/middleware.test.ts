import cookieParser from 'cookie-parser';
import cors from 'cors';
import helmet from 'helmet';
import { request } from 'undici';
import {
  Controller,
  ForbiddenException,
  Get,
  Injectable,
  Module,
  Post,
  Req,
  RequestMethod,
  Res,
  UseGuards,
  type ArmatureRequest,
  type ArmatureResponse,
  type CanActivate,
  type ExecutionContext,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

// cookie-parser's signing scheme, to send a cookie it accepts as signed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sign } = require('cookie-signature') as { sign(value: string, secret: string): string };

type TracedRequest = ArmatureRequest & { trace?: string[]; user?: string };
type Next = (error?: unknown) => void;

/** Functional middleware that records its name on the request. */
function record(name: string) {
  return (req: TracedRequest, _res: ArmatureResponse, next: Next) => {
    (req.trace ??= []).push(name);
    next();
  };
}

const authenticate = (req: TracedRequest, _res: ArmatureResponse, next: Next) => {
  req.user = req.get('x-user') as string | undefined;
  next();
};
const refuse = (_req: TracedRequest, _res: ArmatureResponse, next: Next) => next(new ForbiddenException('no entry'));
/** Answers by itself when asked to: nothing after it runs. */
const stopWhenAsked = (req: TracedRequest, res: ArmatureResponse, next: Next) => {
  if (req.get('x-stop') === undefined) return next();
  res.status(401).json({ stoppedBy: 'middleware' });
};

@Injectable()
class TagService {
  tag() {
    return 'from-service';
  }
}

@Injectable()
class TagMiddleware implements NestMiddleware {
  constructor(private readonly tags: TagService) {}
  use(_req: ArmatureRequest, res: ArmatureResponse, next: Next) {
    res.setHeader('x-tag', this.tags.tag());
    next();
  }
}

class UserGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest<TracedRequest>();
    (req.trace ??= []).push('guard');
    return req.user === 'ada';
  }
}

let handlerCalls = 0;

@Controller('cats')
class CatsController {
  @Get()
  list(@Req() req: TracedRequest) {
    handlerCalls++;
    return { trace: req.trace, cookies: req.cookies, signed: req.signedCookies };
  }

  @Post()
  create(@Req() req: TracedRequest) {
    return { trace: req.trace };
  }

  @Get('public')
  open(@Req() req: TracedRequest) {
    return { trace: req.trace };
  }

  @Get('private')
  @UseGuards(UserGuard)
  private(@Req() req: TracedRequest) {
    return { trace: req.trace, user: req.user };
  }

  @Get('fail')
  fail() {
    return 'unreachable';
  }

  @Get('by-hand')
  byHand(@Res() res: ArmatureResponse) {
    res.status(202).json({ byHand: true });
  }
}

@Controller('dogs')
class DogsController {
  @Get()
  list(@Req() req: TracedRequest) {
    return { trace: req.trace };
  }
}

@Module({ providers: [TagService], controllers: [CatsController, DogsController] })
class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(stopWhenAsked).forRoutes('*');
    consumer.apply(record('module-1'), record('module-2')).exclude('cats/public').forRoutes(CatsController);
    consumer.apply(TagMiddleware).forRoutes({ path: 'cats', method: RequestMethod.GET }, 'dogs');
    consumer.apply(authenticate).forRoutes('cats/private');
    consumer.apply(refuse).forRoutes('cats/fail');
  }
}

describe.each(ADAPTERS)('middleware on the %s adapter', (_name, createAdapter) => {
  let running: RunningApp;
  const finished: string[] = [];

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, (app) => {
      app.use(cors({ origin: 'https://app.example' }), helmet(), cookieParser('s3cret'));
      app.use((req: TracedRequest, res: ArmatureResponse, next: Next) => {
        res.on('finish', () => finished.push(`${req.method} ${req.path} ${res.statusCode}`));
        next();
      });
      app.use(record('global'));
    });
  });

  afterAll(() => running.close());

  const get = (path: string, headers: Record<string, string> = {}) => request(`${running.url}${path}`, { headers });

  it('cors(): adds its headers to an answer, and answers preflights on any path with 204', async () => {
    const simple = await get('/cats', { origin: 'https://app.example' });
    expect(simple.headers['access-control-allow-origin']).toBe('https://app.example');
    await simple.body.dump();
    for (const path of ['/cats', '/nowhere']) {
      const preflight = await request(`${running.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
      await preflight.body.dump();
    }
  });

  it('helmet(): its headers are on a JSON route, a @Res() route and a 404', async () => {
    for (const [path, status] of [['/dogs', 200], ['/cats/by-hand', 202], ['/nowhere', 404]] as const) {
      const response = await get(path);
      expect(response.statusCode).toBe(status);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toBeDefined();
      await response.body.dump();
    }
  });

  it('cookie-parser: @Req() sees req.cookies and req.signedCookies', async () => {
    const signed = `s:${sign('token', 's3cret')}`;
    const response = await get('/cats', { cookie: `plain=1; session=${encodeURIComponent(signed)}` });
    const body = (await response.body.json()) as { cookies: unknown; signed: unknown };
    expect(body.cookies).toEqual({ plain: '1' });
    expect(body.signed).toEqual({ session: 'token' });
  });

  it('runs app.use() middleware first, then module middleware in the order applied, then guards', async () => {
    const listed = await get('/cats');
    expect(((await listed.body.json()) as { trace: string[] }).trace).toEqual(['global', 'module-1', 'module-2']);
    const allowed = await get('/cats/private', { 'x-user': 'ada' });
    expect(await allowed.body.json()).toEqual({ trace: ['global', 'module-1', 'module-2', 'guard'], user: 'ada' });
    const refused = await get('/cats/private');
    expect(refused.statusCode).toBe(403);
    await refused.body.dump();
  });

  it('builds class middleware with DI and binds it by path and method', async () => {
    const cats = await get('/cats');
    expect(cats.headers['x-tag']).toBe('from-service');
    await cats.body.dump();
    const dogs = await get('/dogs');
    expect(dogs.headers['x-tag']).toBe('from-service');
    expect(await dogs.body.json()).toEqual({ trace: ['global'] });
    const created = await request(`${running.url}/cats`, { method: 'POST' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['x-tag']).toBeUndefined();
    expect(await created.body.json()).toEqual({ trace: ['global', 'module-1', 'module-2'] });
  });

  it('skips excluded routes', async () => {
    const response = await get('/cats/public');
    expect(await response.body.json()).toEqual({ trace: ['global'] });
  });

  it('answers next(err) like an error from the handler, with the middleware headers', async () => {
    const response = await get('/cats/fail');
    expect(response.statusCode).toBe(403);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(await response.body.json()).toEqual({ statusCode: 403, message: 'no entry', error: 'Forbidden' });
  });

  it('lets a middleware answer by itself: the handler does not run', async () => {
    const before = handlerCalls;
    const response = await get('/cats', { 'x-stop': '1' });
    expect(response.statusCode).toBe(401);
    expect(await response.body.json()).toEqual({ stoppedBy: 'middleware' });
    expect(handlerCalls).toBe(before);
  });

  it("emits 'finish' with the status that went out", async () => {
    finished.length = 0;
    for (const path of ['/dogs', '/cats/by-hand', '/cats/fail', '/nowhere']) await (await get(path)).body.dump();
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toEqual(['GET /dogs 200', 'GET /cats/by-hand 202', 'GET /cats/fail 403', 'GET /nowhere 404']);
  });
});

describe.each(ADAPTERS)('middleware paths under a global prefix on the %s adapter', (_name, createAdapter) => {
  @Controller('health')
  class HealthController {
    @Get()
    check(@Req() req: TracedRequest) {
      return { trace: req.trace ?? [] };
    }
  }

  @Module({ controllers: [CatsController, HealthController] })
  class PrefixedModule implements NestModule {
    configure(consumer: MiddlewareConsumer) {
      consumer.apply(record('cats')).forRoutes('cats');
      consumer.apply(record('everywhere')).forRoutes('*');
    }
  }

  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp(PrefixedModule, createAdapter, {}, (app) => app.setGlobalPrefix('api', { exclude: ['health'] }));
  });
  afterAll(() => running.close());

  it('prefixes middleware paths, except those excluded from the prefix', async () => {
    const cats = await request(`${running.url}/api/cats`);
    expect(((await cats.body.json()) as { trace: string[] }).trace).toEqual(['cats', 'everywhere']);
    const health = await request(`${running.url}/health`);
    expect(await health.body.json()).toEqual({ trace: ['everywhere'] });
  });
});

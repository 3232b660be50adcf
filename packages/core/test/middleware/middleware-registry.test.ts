import { SilentLogger } from '../../src/application/logger';
import { RequestMethod } from '../../src/decorators/request-method';
import { ArmatureContainer, Inject, Injectable, Module, REQUEST, Scope, type Type } from '../../src/di';
import { ArmatureRequest } from '../../src/http/request';
import { ArmatureResponse } from '../../src/http/response';
import type { MiddlewareConsumer, NestModule } from '../../src/middleware';
import { MiddlewareRegistry, type MiddlewareSetup } from '../../src/middleware/integration';
import type { RouteDefinition } from '../../src/router/route-definition';
import { VersioningType } from '../../src/router/versioning';
import { RecordingExchange } from '../support/recording-exchange';

class CatsController {}
class DogsController {}

function route(method: string, path: string, controller: Type = CatsController): RouteDefinition {
  return { method, path, controller, methodName: 'handle', handler: () => undefined, params: [], responseHeaders: [] } as unknown as RouteDefinition;
}

/** A functional middleware that records its name into `req.seen` and continues. */
function mark(name: string) {
  const middleware = (req: ArmatureRequest & { seen?: string[] }, _res: unknown, next: () => void) => {
    (req.seen ??= []).push(name);
    next();
  };
  Object.defineProperty(middleware, 'name', { value: name });
  return middleware;
}

/** A registry prepared from one module whose `configure()` is `configure`. */
async function registryFor(configure: (consumer: MiddlewareConsumer) => void, setup: MiddlewareSetup = {}, globals: Array<ReturnType<typeof mark>> = []) {
  @Module({})
  class AppModule implements NestModule {
    configure(consumer: MiddlewareConsumer) {
      configure(consumer);
    }
  }
  const container = await ArmatureContainer.create(AppModule);
  const registry = new MiddlewareRegistry();
  if (globals.length > 0) registry.use(...globals);
  await registry.prepare(container.modules, setup);
  return registry;
}

/** Names of the middleware that run for a request on `definition`. */
async function ran(registry: MiddlewareRegistry, definition: RouteDefinition, method = definition.method, path = definition.path): Promise<string[]> {
  const runner = registry.compile(definition);
  if (runner === undefined) return [];
  const request = new ArmatureRequest(method, path, '', {}, {}) as ArmatureRequest & { seen?: string[] };
  await runner.run(request, new ArmatureResponse(new RecordingExchange(), method));
  return request.seen ?? [];
}

describe('MiddlewareRegistry: which middleware run for a route', () => {
  it('compiles nothing for a route no middleware applies to', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('cats')).forRoutes('cats'));
    expect(registry.compile(route('GET', '/dogs'))).toBeUndefined();
    expect(registry.compile(route('GET', '/cats'))?.names).toEqual(['cats']);
  });

  it('binds by path, with parameters and wildcards', async () => {
    const registry = await registryFor((consumer) => {
      consumer.apply(mark('one')).forRoutes('cats/:id');
      consumer.apply(mark('below')).forRoutes('cats/*');
      consumer.apply(mark('splat')).forRoutes('cats/*splat');
      consumer.apply(mark('all')).forRoutes('(.*)');
    });
    expect(await ran(registry, route('GET', '/cats/:id'), 'GET', '/cats/7')).toEqual(['one', 'below', 'splat', 'all']);
    expect(await ran(registry, route('GET', '/cats'))).toEqual(['all']);
    expect(await ran(registry, route('GET', '/cats/:id/toys'), 'GET', '/cats/7/toys')).toEqual(['below', 'splat', 'all']);
  });

  it('decides per request when the middleware path is narrower than the route', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('special')).forRoutes('cats/special'));
    const definition = route('GET', '/cats/:id');
    expect(await ran(registry, definition, 'GET', '/cats/special')).toEqual(['special']);
    expect(await ran(registry, definition, 'GET', '/cats/7')).toEqual([]);
  });

  it('binds by method; a GET binding also covers HEAD, and @All routes decide per request', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('get')).forRoutes({ path: 'cats', method: RequestMethod.GET }));
    expect(await ran(registry, route('GET', '/cats'))).toEqual(['get']);
    expect(await ran(registry, route('GET', '/cats'), 'HEAD')).toEqual(['get']);
    expect(registry.compile(route('POST', '/cats'))).toBeUndefined();
    expect(await ran(registry, route('ALL', '/cats'), 'GET')).toEqual(['get']);
    expect(await ran(registry, route('ALL', '/cats'), 'DELETE')).toEqual([]);
  });

  it('binds by controller: every route of that controller, whatever its path', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('cats')).forRoutes(CatsController));
    expect(await ran(registry, route('POST', '/anything/:x', CatsController), 'POST', '/anything/1')).toEqual(['cats']);
    expect(registry.compile(route('GET', '/cats', DogsController))).toBeUndefined();
  });

  it('skips excluded routes, by path and by method', async () => {
    const registry = await registryFor((consumer) =>
      consumer
        .apply(mark('auth'))
        .exclude('cats/public', { path: 'cats/:id', method: RequestMethod.GET })
        .forRoutes(CatsController),
    );
    expect(registry.compile(route('GET', '/cats/public'))).toBeUndefined();
    expect(await ran(registry, route('GET', '/cats/:id'), 'GET', '/cats/1')).toEqual([]);
    expect(await ran(registry, route('DELETE', '/cats/:id'), 'DELETE', '/cats/1')).toEqual(['auth']);
    expect(await ran(registry, route('GET', '/cats'))).toEqual(['auth']);
  });

  it('excludes per request when the exclusion is narrower than the route', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('auth')).exclude('cats/public').forRoutes('*'));
    const definition = route('GET', '/cats/:id');
    expect(await ran(registry, definition, 'GET', '/cats/public')).toEqual([]);
    expect(await ran(registry, definition, 'GET', '/cats/1')).toEqual(['auth']);
  });

  it('applies the global prefix as NestJS does', async () => {
    const setup = { globalPrefix: 'api', globalPrefixExclude: ['health'] };
    const registry = await registryFor((consumer) => {
      consumer.apply(mark('cats')).forRoutes('cats');
      consumer.apply(mark('everything')).exclude('cats/:id').forRoutes('*');
    }, setup);
    expect(await ran(registry, route('GET', '/api/cats'))).toEqual(['cats', 'everything']);
    expect(await ran(registry, route('GET', '/api/cats/:id'), 'GET', '/api/cats/1')).toEqual([]);
    expect(await ran(registry, route('GET', '/health'))).toEqual(['everything']);
    expect(registry.compile(route('GET', '/cats'))).toBeUndefined();
  });

  it('adds the version segment of a route bound with a version (URI versioning)', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('v1')).forRoutes({ path: 'cats', method: RequestMethod.ALL, version: '1' }), {
      versioning: { type: VersioningType.URI },
    });
    expect(await ran(registry, route('GET', '/v1/cats'))).toEqual(['v1']);
    expect(registry.compile(route('GET', '/v2/cats'))).toBeUndefined();
  });

  it('runs app.use() middleware first, then module chains root module first, each module in its order', async () => {
    @Module({})
    class CatsModule implements NestModule {
      configure(consumer: MiddlewareConsumer) {
        consumer.apply(mark('cats-1'), mark('cats-2')).forRoutes('*').apply(mark('cats-3')).forRoutes('cats');
      }
    }
    @Module({ imports: [CatsModule] })
    class AppModule implements NestModule {
      configure(consumer: MiddlewareConsumer) {
        consumer.apply([mark('app-1'), mark('app-2')]).forRoutes('cats');
      }
    }
    const container = await ArmatureContainer.create(AppModule);
    const registry = new MiddlewareRegistry().use(mark('global-1')).use(mark('global-2'));
    await registry.prepare(container.modules);
    expect(await ran(registry, route('GET', '/cats'))).toEqual(['global-1', 'global-2', 'app-1', 'app-2', 'cats-1', 'cats-2', 'cats-3']);
  });

  it('runs a chain once per request even when several of its routes match', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('once')).forRoutes('cats', '*', CatsController));
    expect(await ran(registry, route('GET', '/cats'))).toEqual(['once']);
  });

  it('mounts app.use(path, ...) middleware on a path prefix, as Express does', async () => {
    const registry = new MiddlewareRegistry().use('/admin', mark('admin'));
    expect(await ran(registry, route('GET', '/admin'))).toEqual(['admin']);
    expect(await ran(registry, route('GET', '/admin/users/:id'), 'GET', '/admin/users/1')).toEqual(['admin']);
    expect(registry.compile(route('GET', '/administrator'))).toBeUndefined();
    expect(new MiddlewareRegistry().use('/', mark('root')).compile(route('GET', '/x'))?.names).toEqual(['root']);
  });
});

describe('MiddlewareRegistry: class middleware', () => {
  @Injectable()
  class Greeter {
    greet(name: string) {
      return `hello ${name}`;
    }
  }

  it('builds class middleware with the DI of the module that applies it, once', async () => {
    const built: object[] = [];
    @Injectable()
    class GreetingMiddleware {
      constructor(private readonly greeter: Greeter) {
        built.push(this);
      }
      use(req: ArmatureRequest & { greeting?: string }, _res: unknown, next: () => void) {
        req.greeting = this.greeter.greet(req.path);
        next();
      }
    }
    @Module({ providers: [Greeter] })
    class AppModule implements NestModule {
      configure(consumer: MiddlewareConsumer) {
        consumer.apply(GreetingMiddleware).forRoutes('a', 'b');
      }
    }
    const container = await ArmatureContainer.create(AppModule);
    const registry = new MiddlewareRegistry();
    await registry.prepare(container.modules);
    const runner = registry.compile(route('GET', '/a'))!;
    const request = new ArmatureRequest('GET', '/a', '', {}, {}) as ArmatureRequest & { greeting?: string };
    expect(await runner.run(request, new ArmatureResponse(new RecordingExchange(), 'GET'))).toBe(true);
    expect(request.greeting).toBe('hello /a');
    expect(registry.compile(route('GET', '/b'))?.names).toEqual(['GreetingMiddleware']);
    expect(built).toHaveLength(1);
  });

  it('resolves request-scoped class middleware per request, with REQUEST bound', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class RequestTagger {
      constructor(@Inject(REQUEST) private readonly request: ArmatureRequest) {}
      use(req: ArmatureRequest & { tagged?: boolean }, _res: unknown, next: () => void) {
        req.tagged = this.request === req;
        next();
      }
    }
    @Module({})
    class AppModule implements NestModule {
      configure(consumer: MiddlewareConsumer) {
        consumer.apply(RequestTagger).forRoutes('*');
      }
    }
    const container = await ArmatureContainer.create(AppModule);
    const registry = new MiddlewareRegistry();
    await registry.prepare(container.modules);
    const request = new ArmatureRequest('GET', '/x', '', {}, {}) as ArmatureRequest & { tagged?: boolean };
    await registry.compile(route('GET', '/x'))!.run(request, new ArmatureResponse(new RecordingExchange(), 'GET'));
    expect(request.tagged).toBe(true);
  });

  it('names what is wrong with an invalid middleware at startup', async () => {
    class NotMiddleware {
      handle() {}
    }
    await expect(registryFor((consumer) => consumer.apply(NotMiddleware as never).forRoutes('*'))).rejects.toThrow(
      'NotMiddleware (applied in AppModule) is not a middleware: it has no use(req, res, next) method',
    );
    await expect(registryFor((consumer) => consumer.apply({ use() {} } as never).forRoutes('*'))).rejects.toThrow(
      'AppModule: consumer.apply() takes middleware classes or functions; received an instance of Object',
    );
    class WithUse {
      use() {}
    }
    expect(() => new MiddlewareRegistry().use(WithUse as never)).toThrow('app.use() takes functions, not classes (WithUse)');
    expect(() => new MiddlewareRegistry().use(((_err: unknown, _req: unknown, _res: unknown, _next: unknown) => undefined) as never)).toThrow(
      'Express error handlers are not supported',
    );
  });
});

describe('MiddlewareRegistry: unmatched requests', () => {
  const notFound = {
    needs: { allHeaders: false, headerNames: [], body: false, ip: false },
    run(request: ArmatureRequest, exchange: RecordingExchange) {
      exchange.send(404, ['content-type', 'application/json; charset=utf-8'], JSON.stringify({ path: request.path }));
    },
  };

  it('leaves misses alone when no middleware can apply to them', async () => {
    const registry = await registryFor((consumer) => consumer.apply(mark('cats')).forRoutes(CatsController));
    expect(registry.wrapUnmatched(notFound as never)).toBe(notFound);
  });

  it('runs app.use() and path-bound middleware before the 404, which carries their headers', async () => {
    const headerSetter = (name: string) => (_req: unknown, res: ArmatureResponse, next: () => void) => {
      res.setHeader(`x-${name}`, 'yes');
      next();
    };
    const registry = await registryFor((consumer) => {
      consumer.apply(headerSetter('cats')).forRoutes('cats/*');
      consumer.apply(headerSetter('controller')).forRoutes(CatsController);
    });
    registry.use(headerSetter('global'));
    const wrapped = registry.wrapUnmatched(notFound as never);
    expect(wrapped.needs).toMatchObject({ allHeaders: true, ip: true });

    const exchange = new RecordingExchange();
    wrapped.run(new ArmatureRequest('GET', '/cats/unknown', '', {}, {}), exchange);
    await exchange.done;
    expect(exchange.status).toBe(404);
    expect(exchange.headers).toMatchObject({ 'x-global': 'yes', 'x-cats': 'yes', 'content-type': 'application/json; charset=utf-8' });
    expect(exchange.headers['x-controller']).toBeUndefined();

    const elsewhere = new RecordingExchange();
    wrapped.run(new ArmatureRequest('GET', '/dogs', '', {}, {}), elsewhere);
    await elsewhere.done;
    expect(elsewhere.headers['x-global']).toBe('yes');
    expect(elsewhere.headers['x-cats']).toBeUndefined();
  });

  it('lets a middleware answer instead of the 404, and answers a middleware error', async () => {
    const registry = new MiddlewareRegistry();
    registry.use((req: ArmatureRequest, res: ArmatureResponse, next: (error?: unknown) => void) => {
      if (req.method === 'OPTIONS') res.status(204).end();
      else next(new Error('boom'));
    });
    await registry.prepare([], { logger: new SilentLogger() });
    const wrapped = registry.wrapUnmatched(notFound as never);

    const preflight = new RecordingExchange();
    wrapped.run(new ArmatureRequest('OPTIONS', '/anywhere', '', {}, {}), preflight);
    await preflight.done;
    expect(preflight.status).toBe(204);

    const failing = new RecordingExchange();
    wrapped.run(new ArmatureRequest('GET', '/anywhere', '', {}, {}), failing);
    await failing.done;
    expect(failing.status).toBe(500);
    expect(failing.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
  });
});

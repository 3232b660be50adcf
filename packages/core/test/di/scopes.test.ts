import {
  ArmatureContainer,
  ContextIdFactory,
  INQUIRER,
  Inject,
  Injectable,
  InvalidScopeError,
  Module,
  REQUEST,
  Scope,
  createContextId,
} from '../../src/di';

describe('scopes', () => {
  describe('TRANSIENT', () => {
    @Injectable({ scope: Scope.TRANSIENT })
    class Logger {
      static created = 0;
      readonly id = ++Logger.created;
      constructor(@Inject(INQUIRER) readonly inquirer: object | undefined) {}
    }
    @Injectable()
    class CatsService {
      readonly label = 'cats';
      constructor(readonly logger: Logger) {}
    }
    @Injectable()
    class DogsService {
      constructor(
        readonly logger: Logger,
        readonly sameLogger: Logger,
      ) {}
    }
    @Module({ providers: [Logger, CatsService, DogsService] })
    class AppModule {}

    it('gives each consumer its own instance (one per consumer, shared across its parameters)', async () => {
      const app = await ArmatureContainer.create(AppModule);
      const cats = app.get(CatsService);
      const dogs = app.get(DogsService);
      expect(cats.logger).toBeInstanceOf(Logger);
      expect(cats.logger).not.toBe(dogs.logger);
      expect(dogs.logger).toBe(dogs.sameLogger);
    });

    it('injects INQUIRER: the consumer, readable once it is built', async () => {
      const app = await ArmatureContainer.create(AppModule);
      const cats = app.get(CatsService);
      const inquirer = cats.logger.inquirer as CatsService;
      expect(inquirer).toBeInstanceOf(CatsService);
      expect(inquirer.constructor.name).toBe('CatsService');
      expect(inquirer.label).toBe('cats');
      expect(inquirer.logger).toBe(cats.logger);
    });

    it('refuses get() and gives a new instance per context with resolve()', async () => {
      const app = await ArmatureContainer.create(AppModule);
      expect(() => app.get(Logger)).toThrow(InvalidScopeError);
      expect(() => app.get(Logger)).toThrow(/TRANSIENT.*Use resolve\(\) instead/);
      const first = await app.resolve(Logger);
      const second = await app.resolve(Logger);
      expect(first).not.toBe(second);
      const context = createContextId();
      expect(await app.resolve(Logger, context)).toBe(await app.resolve(Logger, context));
      expect(first.inquirer).toBeUndefined();
    });
  });

  describe('REQUEST', () => {
    @Injectable({ scope: Scope.REQUEST })
    class RequestContext {
      constructor(@Inject(REQUEST) readonly request: { user: string }) {}
    }
    @Injectable()
    class UsersService {
      constructor(readonly context: RequestContext) {}
      user(): string {
        return this.context.request.user;
      }
    }
    @Injectable()
    class Singleton {}
    @Injectable()
    class UsersController {
      constructor(
        readonly users: UsersService,
        readonly singleton: Singleton,
      ) {}
    }
    @Module({ providers: [RequestContext, UsersService, Singleton], controllers: [UsersController] })
    class AppModule {}

    it('bubbles the scope up to consumers and controllers', async () => {
      const app = await ArmatureContainer.create(AppModule);
      expect(app.root.isStatic(UsersController)).toBe(false);
      expect(app.root.isStatic(UsersService)).toBe(false);
      expect(app.root.isStatic(Singleton)).toBe(true);
      expect(() => app.get(UsersService)).toThrow(/request-scoped.*resolve\(\)/);
      expect(app.root.lifecycleTargets()).not.toContainEqual(expect.any(UsersController));
    });

    it('builds one tree per context, bound to its request, sharing singletons', async () => {
      const app = await ArmatureContainer.create(AppModule);
      const first = createContextId();
      const second = createContextId();
      const a = await app.root.resolvePerContext(UsersController, first, { user: 'alice' });
      const aAgain = await app.root.resolvePerContext(UsersController, first, { user: 'ignored' });
      const b = await app.root.resolvePerContext(UsersController, second, { user: 'bob' });
      expect(a).toBe(aAgain);
      expect(a).not.toBe(b);
      expect(a.users.user()).toBe('alice');
      expect(b.users.user()).toBe('bob');
      expect(a.singleton).toBe(b.singleton);
      expect(a.singleton).toBe(app.get(Singleton));
      expect(await app.resolve(UsersService, first)).toBe(a.users);
    });

    it('binds REQUEST with registerRequestByContextId() and ContextIdFactory.getByRequest()', async () => {
      const app = await ArmatureContainer.create(AppModule);
      const request = { user: 'carol' };
      const contextId = ContextIdFactory.getByRequest(request);
      expect(ContextIdFactory.getByRequest(request)).toBe(contextId);
      app.registerRequestByContextId(request, contextId);
      const service = await app.resolve(UsersService, contextId);
      expect(service.user()).toBe('carol');
    });

    it('introspects the effective scope', async () => {
      const app = await ArmatureContainer.create(AppModule);
      expect(app.introspect(UsersService).scope).toBe(Scope.REQUEST);
      expect(app.introspect(Singleton).scope).toBe(Scope.DEFAULT);
    });
  });

  it('gives a request-scoped consumer its own transient per context, and a transient its request', async () => {
    @Injectable({ scope: Scope.TRANSIENT })
    class Tagger {
      constructor(@Inject(REQUEST) readonly request: { id: number }) {}
    }
    @Injectable()
    class Handler {
      constructor(readonly tagger: Tagger) {}
    }
    @Module({ providers: [Tagger, Handler] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.root.isStatic(Handler)).toBe(false);
    const one = await app.root.resolvePerContext(Handler, createContextId(), { id: 1 });
    const two = await app.root.resolvePerContext(Handler, createContextId(), { id: 2 });
    expect(one.tagger.request.id).toBe(1);
    expect(two.tagger.request.id).toBe(2);
  });

  it('awaits request-scoped async factories per context', async () => {
    let calls = 0;
    @Injectable()
    class Handler {
      constructor(@Inject('TENANT') readonly tenant: string) {}
    }
    @Module({
      providers: [
        Handler,
        {
          provide: 'TENANT',
          scope: Scope.REQUEST,
          inject: [REQUEST],
          useFactory: async (request: { host: string }) => {
            calls++;
            await new Promise((resolve) => setTimeout(resolve, 1));
            return request.host.split('.')[0];
          },
        },
      ],
    })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    const context = createContextId();
    const [a, b] = await Promise.all([
      app.root.resolvePerContext(Handler, context, { host: 'acme.example.com' }),
      app.root.resolvePerContext(Handler, context, { host: 'acme.example.com' }),
    ]);
    expect(a).toBe(b);
    expect(a.tenant).toBe('acme');
    expect(calls).toBe(1);
  });

  it('treats a TRANSIENT controller as non-static', async () => {
    @Injectable({ scope: Scope.TRANSIENT })
    class Controller {}
    @Module({ controllers: [Controller] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.root.isStatic(Controller)).toBe(false);
  });

  it('rejects a module class that depends on a request-scoped provider', async () => {
    @Injectable({ scope: Scope.REQUEST })
    class PerRequest {}
    @Module({ providers: [PerRequest] })
    class AppModule {
      constructor(readonly perRequest: PerRequest) {}
    }
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(/AppModule module class depends on PerRequest, which is request-scoped/);
  });
});

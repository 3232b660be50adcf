import {
  ArmatureContainer,
  InstanceNotReadyError,
  Inject,
  Injectable,
  Module,
  ModuleRef,
  REQUEST,
  Scope,
  UnknownElementError,
  createContextId,
} from '../../src/di';

@Injectable()
class HiddenService {}

@Injectable()
class SharedService {}

@Module({ providers: [HiddenService, SharedService], exports: [SharedService] })
class LibModule {}

@Injectable({ scope: Scope.TRANSIENT })
class Helper {}

@Injectable({ scope: Scope.REQUEST })
class PerRequest {
  constructor(@Inject(REQUEST) readonly request: { id: number }) {}
}

@Injectable()
class Locator {
  constructor(readonly moduleRef: ModuleRef) {}
}

@Module({ imports: [LibModule], providers: [Locator, Helper, PerRequest] })
class AppModule {}

describe('ModuleRef', () => {
  let app: ArmatureContainer;
  let moduleRef: ModuleRef;

  beforeAll(async () => {
    app = await ArmatureContainer.create(AppModule);
    moduleRef = app.get(Locator).moduleRef;
  });

  it('is bound to the module of the class that injects it', () => {
    expect(moduleRef).toBeInstanceOf(ModuleRef);
    expect(moduleRef).toBe(app.root.moduleRef);
    expect(moduleRef.get(Locator)).toBe(app.get(Locator));
  });

  it('get() is strict by default: own providers only, with a hint when another module has it', () => {
    expect(() => moduleRef.get(SharedService)).toThrow(UnknownElementError);
    expect(() => moduleRef.get(SharedService)).toThrow(
      'Armature could not find SharedService element in AppModule (strict mode looks at AppModule\'s own providers and controllers only). It is provided by LibModule: use { strict: false } to search every module.',
    );
    expect(moduleRef.get(SharedService, { strict: false })).toBe(app.get(SharedService));
    expect(moduleRef.get(HiddenService, { strict: false })).toBeInstanceOf(HiddenService);
    expect(moduleRef.get(SharedService, { strict: false, each: true })).toEqual([app.get(SharedService)]);
    expect(() => moduleRef.get('NOPE', { strict: false })).toThrow('Armature could not find NOPE element: no module of this application provides it');
  });

  it('resolve() gives a new TRANSIENT instance per context and a REQUEST instance per context', async () => {
    const first = await moduleRef.resolve(Helper);
    const second = await moduleRef.resolve(Helper);
    expect(first).toBeInstanceOf(Helper);
    expect(first).not.toBe(second);

    const context = createContextId();
    moduleRef.registerRequestByContextId({ id: 7 }, context);
    const perRequest = await moduleRef.resolve(PerRequest, context);
    expect(perRequest.request.id).toBe(7);
    expect(await moduleRef.resolve(PerRequest, context)).toBe(perRequest);
    expect(await moduleRef.resolve(PerRequest, createContextId())).not.toBe(perRequest);
  });

  it('resolve() returns singletons as they are, and honours strict', async () => {
    expect(await moduleRef.resolve(Locator)).toBe(app.get(Locator));
    await expect(moduleRef.resolve(SharedService)).rejects.toThrow(UnknownElementError);
    expect(await moduleRef.resolve(SharedService, undefined, { strict: false })).toBe(app.get(SharedService));
  });

  it('create() instantiates an unregistered class with the module’s visibility, new each time', async () => {
    @Injectable()
    class Report {
      constructor(
        readonly shared: SharedService,
        readonly helper: Helper,
      ) {}
    }
    const one = await moduleRef.create(Report);
    const two = await moduleRef.create(Report);
    expect(one).not.toBe(two);
    expect(one.shared).toBe(app.get(SharedService));
    expect(one.helper).not.toBe(two.helper);

    @Injectable()
    class NeedsHidden {
      constructor(readonly hidden: HiddenService) {}
    }
    await expect(moduleRef.create(NeedsHidden)).rejects.toThrow(
      "HiddenService is provided by LibModule but not exported from it: add it to LibModule's exports.",
    );
  });

  it('create() builds request-scoped dependencies in the given context', async () => {
    @Injectable()
    class UsesRequest {
      constructor(readonly perRequest: PerRequest) {}
    }
    const context = createContextId();
    app.registerRequestByContextId({ id: 3 }, context);
    const created = await moduleRef.create(UsesRequest, context);
    expect(created.perRequest).toBe(await moduleRef.resolve(PerRequest, context));
  });

  it('introspects scopes', () => {
    expect(moduleRef.introspect(Helper).scope).toBe(Scope.TRANSIENT);
    expect(moduleRef.introspect(PerRequest).scope).toBe(Scope.REQUEST);
    expect(moduleRef.introspect(SharedService).scope).toBe(Scope.DEFAULT);
  });

  it('get() during boot explains that the instance is not built yet', async () => {
    @Injectable()
    class Later {}
    @Injectable()
    class Eager {
      readonly error: unknown;
      constructor(moduleRef: ModuleRef) {
        try {
          moduleRef.get(Later);
        } catch (error) {
          this.error = error;
        }
      }
    }
    @Module({ providers: [Eager, Later] })
    class BootModule {}
    const booted = await ArmatureContainer.create(BootModule);
    expect(booted.get(Eager).error).toBeInstanceOf(InstanceNotReadyError);
    expect((booted.get(Eager).error as Error).message).toContain('call get() in onModuleInit()');
  });
});

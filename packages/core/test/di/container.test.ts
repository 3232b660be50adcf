import {
  ArmatureContainer,
  Global,
  Inject,
  Injectable,
  InvalidScopeError,
  Module,
  REQUEST,
  Scope,
  UnknownElementError,
  createContextId,
} from '../../src/di';

@Injectable()
class LeafService {}
@Module({ providers: [LeafService], exports: [LeafService] })
class LeafModule {}

@Injectable()
class MiddleService {
  constructor(readonly leaf: LeafService) {}
}
@Module({ imports: [LeafModule], providers: [MiddleService], exports: [MiddleService] })
class MiddleModule {}

@Global()
@Module({ providers: [{ provide: 'GLOBAL_VALUE', useValue: { hooks: true } }], exports: ['GLOBAL_VALUE'] })
class GlobalModule {}

@Injectable({ scope: Scope.TRANSIENT })
class TransientHelper {}

@Injectable()
class AppService {
  constructor(readonly helper: TransientHelper) {}
}

@Injectable()
class AppController {
  constructor(readonly middle: MiddleService) {}
}

@Module({
  imports: [GlobalModule, MiddleModule, LeafModule],
  providers: [AppService, TransientHelper, { provide: 'ALIAS', useExisting: AppService }],
  controllers: [AppController],
})
class AppModule {}

describe('ArmatureContainer', () => {
  let app: ArmatureContainer;
  beforeAll(async () => {
    app = await ArmatureContainer.create(AppModule);
  });

  it('orders modules deepest first (a module imported at several depths takes the deepest), root last', () => {
    expect(app.modules.map((module) => [module.name, module.distance])).toEqual([
      ['LeafModule', 2],
      ['GlobalModule', 1],
      ['MiddleModule', 1],
      ['AppModule', 0],
    ]);
    expect(app.root.name).toBe('AppModule');
    expect(app.modules.find((module) => module.name === 'GlobalModule')!.isGlobal).toBe(true);
  });

  it('lists lifecycle targets: controllers, then singleton providers (no transient, no alias duplicates), module last', () => {
    const targets = app.root.lifecycleTargets();
    expect(targets).toEqual([app.get(AppController), app.get(AppService), app.root.instance]);
    expect(app.root.instance).toBeInstanceOf(AppModule);
    const globalTargets = app.findModule(GlobalModule)!.lifecycleTargets();
    expect(globalTargets).toEqual([{ hooks: true }, app.findModule(GlobalModule)!.instance]);
  });

  it('exposes controllers and their singleton instances', () => {
    expect(app.root.controllers).toEqual([AppController]);
    expect(app.root.isStatic(AppController)).toBe(true);
    expect(app.root.getInstance(AppController).middle).toBe(app.get(MiddleService));
    expect(() => app.root.getInstance(LeafService)).toThrow(UnknownElementError);
  });

  it('get() searches every module by default and only the root with strict', () => {
    expect(app.get(LeafService)).toBeInstanceOf(LeafService);
    expect(() => app.get(LeafService, { strict: true })).toThrow(/could not find LeafService element in AppModule.*provided by LeafModule/);
    expect(app.get(AppService, { strict: true })).toBe(app.get('ALIAS'));
    expect(() => app.get('UNKNOWN')).toThrow(UnknownElementError);
  });

  it('stores each module’s singletons in its own tsyringe child container', () => {
    const leaf = app.findModule(LeafModule)!;
    expect(leaf.moduleRef.get(LeafService)).toBe(app.get(LeafService));
  });

  it('instantiates an enhancer once per module, with that module’s visibility, apart from providers', async () => {
    let built = 0;
    @Injectable()
    class AuthGuard {
      constructor(
        readonly middle: MiddleService,
        @Inject('GLOBAL_VALUE') readonly global: object,
      ) {
        built++;
      }
    }
    const first = await app.root.instantiateEnhancer(AuthGuard);
    const second = await app.root.instantiateEnhancer(AuthGuard);
    expect(first).toBe(second);
    expect(first.middle).toBe(app.get(MiddleService));
    expect(built).toBe(1);
    expect(app.root.isStatic(AuthGuard)).toBe(true);
    expect(app.root.getInstance(AuthGuard)).toBe(first);
    const other = await app.findModule(MiddleModule)!.instantiateEnhancer(AuthGuard);
    expect(other).not.toBe(first);
    expect(app.root.lifecycleTargets()).toContain(first);
  });

  it('resolves request-scoped enhancers per context and refuses to make them singletons', async () => {
    @Injectable()
    class TenantGuard {
      constructor(@Inject(REQUEST) readonly request: { tenant: string }) {}
    }
    expect(app.root.isStatic(TenantGuard)).toBe(false);
    await expect(app.root.instantiateEnhancer(TenantGuard)).rejects.toThrow(InvalidScopeError);
    const guard = await app.root.resolvePerContext(TenantGuard, createContextId(), { tenant: 'acme' });
    expect(guard.request.tenant).toBe('acme');
  });

  it('boots a dynamic root module', async () => {
    @Module({})
    class RootModule {}
    const booted = await ArmatureContainer.create({ module: RootModule, providers: [{ provide: 'X', useValue: 1 }] });
    expect(booted.get('X')).toBe(1);
    expect(booted.root.metatype).toBe(RootModule);
  });
});

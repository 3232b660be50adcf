import { ArmatureContainer, ConfigurableModuleBuilder, Inject, Injectable, Module } from '../../src/di';

interface CacheOptions {
  ttl: number;
}

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } = new ConfigurableModuleBuilder<CacheOptions>({
  moduleName: 'Cache',
})
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createCacheOptions')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();

@Injectable()
class CacheService {
  constructor(@Inject(MODULE_OPTIONS_TOKEN) readonly options: CacheOptions) {}
}

@Module({ providers: [CacheService], exports: [CacheService] })
class CacheModule extends ConfigurableModuleClass {
  static override forRoot(options: typeof OPTIONS_TYPE) {
    return super.forRoot(options);
  }
  static override forRootAsync(options: typeof ASYNC_OPTIONS_TYPE) {
    return super.forRootAsync(options);
  }
}

@Injectable()
class Consumer {
  constructor(readonly cache: CacheService) {}
}

describe('ConfigurableModuleBuilder', () => {
  it('generates a synchronous method that provides the options without the extras', async () => {
    @Module({ imports: [CacheModule.forRoot({ ttl: 5 })], providers: [Consumer] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Consumer).cache.options).toEqual({ ttl: 5 });
    expect(MODULE_OPTIONS_TOKEN).toBe('CACHE_MODULE_OPTIONS');
  });

  it('applies extras through the transform (isGlobal makes the module global)', async () => {
    @Module({ providers: [Consumer] })
    class FeatureModule {}
    @Module({ imports: [CacheModule.forRoot({ ttl: 7, isGlobal: true }), FeatureModule] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Consumer).cache.options).toEqual({ ttl: 7 });

    @Module({ imports: [CacheModule.forRoot({ ttl: 7 }), FeatureModule] })
    class NotGlobalModule {}
    await expect(ArmatureContainer.create(NotGlobalModule)).rejects.toThrow(/CacheService is exported by CacheModule: add CacheModule to FeatureModule's imports/);
  });

  it('supports the async variant with useFactory, inject and imports', async () => {
    @Injectable()
    class Settings {
      readonly ttl = 30;
    }
    @Module({ providers: [Settings], exports: [Settings] })
    class SettingsModule {}
    @Module({
      imports: [
        CacheModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: async (settings: Settings) => ({ ttl: settings.ttl }),
        }),
      ],
      providers: [Consumer],
    })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(Consumer).cache.options).toEqual({ ttl: 30 });
  });

  it('supports useClass with the renamed factory method', async () => {
    @Injectable()
    class CacheConfig {
      createCacheOptions(): CacheOptions {
        return { ttl: 60 };
      }
    }
    @Module({ imports: [CacheModule.forRootAsync({ useClass: CacheConfig })], providers: [Consumer] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(Consumer).cache.options).toEqual({ ttl: 60 });
  });

  it('supports useExisting with a factory provided by an imported module', async () => {
    @Injectable()
    class SharedCacheConfig {
      async createCacheOptions(): Promise<CacheOptions> {
        return { ttl: 90 };
      }
    }
    @Module({ providers: [SharedCacheConfig], exports: [SharedCacheConfig] })
    class SharedModule {}
    @Module({ imports: [CacheModule.forRootAsync({ imports: [SharedModule], useExisting: SharedCacheConfig })], providers: [Consumer] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(Consumer).cache.options).toEqual({ ttl: 90 });
  });

  it('uses register/registerAsync and a generated token by default, and includes provideInjectionTokensFrom', async () => {
    const built = new ConfigurableModuleBuilder<{ name: string }>().build();
    expect(String(built.MODULE_OPTIONS_TOKEN)).toMatch(/^CONFIGURABLE_MODULE_OPTIONS\[\d+\]$/);
    class NamedModule extends built.ConfigurableModuleClass {}
    @Injectable()
    class Reader {
      constructor(@Inject(built.MODULE_OPTIONS_TOKEN) readonly options: { name: string }) {}
    }
    @Module({ imports: [NamedModule.register({ name: 'sync' })], providers: [] })
    class Unused {}
    void Unused;

    const dynamic = NamedModule.registerAsync({
      inject: ['PREFIX'],
      useFactory: (prefix: string) => ({ name: `${prefix}-async` }),
      provideInjectionTokensFrom: [{ provide: 'PREFIX', useValue: 'p' }, { provide: 'UNRELATED', useValue: 0 }],
    });
    expect(dynamic.module).toBe(NamedModule);
    expect(dynamic.providers?.map((provider) => (provider as { provide: unknown }).provide)).toEqual([built.MODULE_OPTIONS_TOKEN, 'PREFIX']);
    @Module({ imports: [{ ...dynamic, providers: [...dynamic.providers!, Reader], exports: [Reader] }] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(Reader).options).toEqual({ name: 'p-async' });
  });

  it('makes every call a separate module with alwaysTransient', async () => {
    const { ConfigurableModuleClass: Base } = new ConfigurableModuleBuilder<{ n: number }>({ alwaysTransient: true }).build();
    @Module({})
    class TransientModule extends Base {}
    @Module({ imports: [TransientModule.register({ n: 1 }), TransientModule.register({ n: 1 })] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.modules.filter((module) => module.metatype === TransientModule)).toHaveLength(2);
  });

  it('explains a registerAsync() call without a factory', () => {
    expect(() => CacheModule.forRootAsync({})).toThrow('CacheModule.forRootAsync() needs one of useFactory, useClass or useExisting.');
  });
});

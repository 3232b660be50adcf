import { ArmatureContainer, Global, Inject, Injectable, Module, UnknownDependenciesError } from '../../src/di';

@Injectable()
class DbConnection {}

@Injectable()
class ConfigService {}

@Injectable()
class CatsService {
  constructor(
    readonly db: DbConnection,
    readonly config: ConfigService,
  ) {}
}

@Module({ providers: [ConfigService], exports: [ConfigService] })
class ConfigModule {}

describe('encapsulation', () => {
  it('rejects a provider that its module does not export, saying where it is and what to add', async () => {
    @Module({ providers: [DbConnection] })
    class DatabaseModule {}
    @Module({ imports: [DatabaseModule, ConfigModule], providers: [CatsService] })
    class CatsModule {}
    @Module({ imports: [CatsModule] })
    class AppModule {}

    const failure = ArmatureContainer.create(AppModule);
    await expect(failure).rejects.toThrow(UnknownDependenciesError);
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(
      `Armature can't resolve dependencies of the CatsService (?, ConfigService). Please make sure that the argument "DbConnection" at index [0] is available in the CatsModule context.`,
    );
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(
      "DbConnection is provided by DatabaseModule but not exported from it: add it to DatabaseModule's exports.",
    );
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow('Scope [AppModule -> CatsModule]');
  });

  it('says which module to import when the provider is exported by a module that is not imported', async () => {
    @Module({ providers: [DbConnection], exports: [DbConnection] })
    class DatabaseModule {}
    @Module({ imports: [ConfigModule], providers: [CatsService] })
    class CatsModule {}
    @Module({ imports: [CatsModule, DatabaseModule] })
    class AppModule {}

    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(
      "DbConnection is exported by DatabaseModule: add DatabaseModule to CatsModule's imports.",
    );
  });

  it('gives the generic solutions when nothing provides the token, and an interface hint for Object', async () => {
    interface Mailer {
      send(): void;
    }
    @Injectable()
    class Notifier {
      constructor(
        @Inject('MAILER') readonly mailer: Mailer,
        readonly config: ConfigService,
      ) {}
    }
    @Module({ imports: [ConfigModule], providers: [Notifier] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(
      /Notifier \(\?, ConfigService\)[\s\S]*If "MAILER" is a provider, is it part of the current AppModule\?/,
    );

    @Injectable()
    class Untyped {
      constructor(readonly mailer: Mailer) {}
    }
    @Module({ providers: [Untyped] })
    class OtherModule {}
    await expect(ArmatureContainer.create(OtherModule)).rejects.toThrow(/emitted as Object: either it is an interface/);
  });

  it('names the property for a missing property dependency', async () => {
    @Injectable()
    class Service {
      @Inject('CACHE') readonly cache!: unknown;
    }
    @Module({ providers: [Service] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(
      `Armature can't resolve dependencies of the Service. Please make sure that the property "cache" ("CACHE") is available in the AppModule context.`,
    );
  });

  it('sees what a re-exported module exports (transitively), and nothing it does not export', async () => {
    @Module({ providers: [DbConnection], exports: [DbConnection] })
    class DatabaseModule {}
    @Module({ imports: [DatabaseModule, ConfigModule], exports: [DatabaseModule] })
    class CoreModule {}
    @Module({ imports: [CoreModule], exports: [CoreModule] })
    class SharedModule {}
    @Injectable()
    class UsesDb {
      constructor(readonly db: DbConnection) {}
    }
    @Module({ imports: [SharedModule], providers: [UsesDb] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(UsesDb).db).toBe(app.get(DbConnection));

    @Injectable()
    class UsesConfig {
      constructor(readonly config: ConfigService) {}
    }
    @Module({ imports: [SharedModule], providers: [UsesConfig] })
    class LeakyModule {}
    // CoreModule imports ConfigModule but does not re-export it.
    await expect(ArmatureContainer.create(LeakyModule)).rejects.toThrow(/dependencies of the UsesConfig/);
  });

  it('makes the exports of a global module visible everywhere', async () => {
    @Global()
    @Module({ providers: [DbConnection], exports: [DbConnection] })
    class DatabaseModule {}
    @Injectable()
    class Feature {
      constructor(readonly db: DbConnection) {}
    }
    @Module({ providers: [Feature] })
    class FeatureModule {}
    @Module({ imports: [DatabaseModule, FeatureModule] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Feature).db).toBe(app.get(DbConnection));
  });

  it('shares one instance of a static module imported from several places', async () => {
    let built = 0;
    @Injectable()
    class Counter {
      constructor() {
        built++;
      }
    }
    @Module({ providers: [Counter], exports: [Counter] })
    class CounterModule {}
    @Module({ imports: [CounterModule] })
    class A {}
    @Module({ imports: [CounterModule] })
    class B {}
    @Module({ imports: [A, B, CounterModule] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(built).toBe(1);
    expect(app.modules.filter((module) => module.metatype === CounterModule)).toHaveLength(1);
  });

  it('prefers a module’s own provider over an imported one', async () => {
    @Module({ providers: [{ provide: 'NAME', useValue: 'imported' }], exports: ['NAME'] })
    class Lib {}
    @Injectable()
    class Reader {
      constructor(@Inject('NAME') readonly name: string) {}
    }
    @Module({ imports: [Lib], providers: [Reader, { provide: 'NAME', useValue: 'own' }] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(Reader).name).toBe('own');
  });
});

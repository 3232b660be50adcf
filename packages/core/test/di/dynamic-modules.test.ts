import { ArmatureContainer, Inject, Injectable, Module, type DynamicModule } from '../../src/di';

const OPTIONS = 'OPTIONS';

interface DatabaseOptions {
  url: string;
}

@Injectable()
class DatabaseClient {
  constructor(@Inject(OPTIONS) readonly options: DatabaseOptions) {}
}

@Module({ providers: [DatabaseClient], exports: [DatabaseClient] })
class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: OPTIONS, useValue: options }] };
  }

  static forRootAsync(options: { useFactory: (...args: any[]) => Promise<DatabaseOptions>; inject?: any[]; imports?: any[] }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: options.imports ?? [],
      providers: [{ provide: OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }],
    };
  }
}

describe('dynamic modules', () => {
  it('creates separate instances for the same class imported with different metadata', async () => {
    @Injectable()
    class Users {
      constructor(readonly db: DatabaseClient) {}
    }
    @Module({ imports: [DatabaseModule.forRoot({ url: 'users-db' })], providers: [Users], exports: [Users] })
    class UsersModule {}
    @Injectable()
    class Orders {
      constructor(readonly db: DatabaseClient) {}
    }
    @Module({ imports: [DatabaseModule.forRoot({ url: 'orders-db' })], providers: [Orders], exports: [Orders] })
    class OrdersModule {}
    @Module({ imports: [UsersModule, OrdersModule] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    const users = app.get(Users);
    const orders = app.get(Orders);
    expect(users.db).not.toBe(orders.db);
    expect(users.db.options.url).toBe('users-db');
    expect(orders.db.options.url).toBe('orders-db');
    expect(app.modules.filter((module) => module.metatype === DatabaseModule)).toHaveLength(2);
  });

  it('treats structurally equal metadata as the same module', async () => {
    @Module({ imports: [DatabaseModule.forRoot({ url: 'same' })], exports: [DatabaseModule] })
    class A {}
    @Module({ imports: [DatabaseModule.forRoot({ url: 'same' })], exports: [DatabaseModule] })
    class B {}
    @Module({ imports: [A, B] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.modules.filter((module) => module.metatype === DatabaseModule)).toHaveLength(1);
  });

  it('awaits forRootAsync factories that inject providers from imported modules', async () => {
    @Injectable()
    class ConfigService {
      async databaseUrl(): Promise<string> {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return 'from-config';
      }
    }
    @Module({ providers: [ConfigService], exports: [ConfigService] })
    class ConfigModule {}
    @Module({
      imports: [
        DatabaseModule.forRootAsync({
          imports: [ConfigModule],
          inject: [ConfigService],
          useFactory: async (config: ConfigService) => ({ url: await config.databaseUrl() }),
        }),
      ],
    })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(DatabaseClient).options).toEqual({ url: 'from-config' });
  });

  it('accepts a Promise of a dynamic module in imports', async () => {
    const later = new Promise<DynamicModule>((resolve) => setTimeout(() => resolve(DatabaseModule.forRoot({ url: 'later' })), 1));
    @Module({ imports: [later] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(DatabaseClient).options.url).toBe('later');
  });

  it('makes a dynamic module global with global: true', async () => {
    @Injectable()
    class Feature {
      constructor(readonly db: DatabaseClient) {}
    }
    @Module({ providers: [Feature] })
    class FeatureModule {}
    @Module({ imports: [{ ...DatabaseModule.forRoot({ url: 'global' }), global: true }, FeatureModule] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Feature).db.options.url).toBe('global');
  });

  it('merges the class @Module() with the dynamic metadata, and works without @Module() on the class', async () => {
    @Injectable()
    class Extra {}
    class PlainDynamicModule {
      static register(): DynamicModule {
        return { module: PlainDynamicModule, providers: [Extra], exports: [Extra] };
      }
    }
    @Injectable()
    class Consumer {
      constructor(readonly extra: Extra) {}
    }
    @Module({ imports: [PlainDynamicModule.register()], providers: [Consumer] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Consumer).extra).toBeInstanceOf(Extra);
  });
});

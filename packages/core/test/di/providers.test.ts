import {
  ArmatureContainer,
  Inject,
  Injectable,
  Module,
  Optional,
  forwardRef,
} from '../../src/di';

describe('providers', () => {
  it('builds a class provider once and injects it by type', async () => {
    let built = 0;
    @Injectable()
    class Repository {
      constructor() {
        built++;
      }
    }
    @Injectable()
    class Service {
      constructor(readonly repository: Repository) {}
    }
    @Module({ providers: [Repository, Service] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Service).repository).toBe(app.get(Repository));
    expect(built).toBe(1);
  });

  it('supports useClass, useValue, useFactory with inject and useExisting', async () => {
    abstract class Logger {
      abstract log(message: string): string;
    }
    @Injectable()
    class LoudLogger extends Logger {
      log(message: string): string {
        return message.toUpperCase();
      }
    }
    const CONFIG = Symbol('config');
    @Injectable()
    class Greeter {
      constructor(
        readonly logger: Logger,
        @Inject(CONFIG) readonly config: { name: string },
        @Inject('GREETING') readonly greeting: string,
        @Inject('LOGGER_ALIAS') readonly alias: Logger,
      ) {}
    }
    @Module({
      providers: [
        { provide: Logger, useClass: LoudLogger },
        { provide: CONFIG, useValue: { name: 'cats' } },
        { provide: 'GREETING', useFactory: (config: { name: string }, logger: Logger) => logger.log(`hello ${config.name}`), inject: [CONFIG, Logger] },
        { provide: 'LOGGER_ALIAS', useExisting: Logger },
        Greeter,
      ],
    })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    const greeter = app.get(Greeter);
    expect(greeter.logger).toBeInstanceOf(LoudLogger);
    expect(greeter.config).toEqual({ name: 'cats' });
    expect(greeter.greeting).toBe('HELLO CATS');
    expect(greeter.alias).toBe(greeter.logger);
    expect(app.get('LOGGER_ALIAS')).toBe(app.get(Logger));
  });

  it('passes undefined for a missing optional factory dependency', async () => {
    @Module({
      providers: [
        { provide: 'PORT', useValue: 3000 },
        {
          provide: 'URL',
          useFactory: (port: number, host?: string) => `${host ?? 'localhost'}:${port}`,
          inject: ['PORT', { token: 'HOST', optional: true }],
        },
      ],
    })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get('URL')).toBe('localhost:3000');
  });

  it('injects undefined for a missing @Optional() parameter and leaves a missing optional property unset', async () => {
    @Injectable()
    class Service {
      @Optional() @Inject('MISSING_PROPERTY') readonly missing?: string;
      @Inject('PRESENT') readonly present!: string;
      constructor(
        @Optional() @Inject('MISSING') readonly maybe: string | undefined,
        @Optional() readonly defaulted: string = 'default',
      ) {}
    }
    @Module({ providers: [Service, { provide: 'PRESENT', useValue: 'here' }] })
    class AppModule {}

    const service = (await ArmatureContainer.create(AppModule)).get(Service);
    expect(service.maybe).toBeUndefined();
    expect(service.present).toBe('here');
    expect('missing' in service).toBe(false);
  });

  it('injects properties by @Inject(token) and by declared type, including inherited ones', async () => {
    @Injectable()
    class Clock {
      now(): number {
        return 42;
      }
    }
    @Injectable()
    class Base {
      @Inject() readonly clock!: Clock;
    }
    @Injectable()
    class Service extends Base {
      @Inject('NAME') readonly name!: string;
    }
    @Module({ providers: [Clock, Service, { provide: 'NAME', useValue: 'svc' }] })
    class AppModule {}

    const service = (await ArmatureContainer.create(AppModule)).get(Service);
    expect(service.clock.now()).toBe(42);
    expect(service.name).toBe('svc');
  });

  it('uses the inherited constructor dependencies of an undecorated subclass', async () => {
    @Injectable()
    class Dependency {}
    @Injectable()
    class Base {
      constructor(readonly dependency: Dependency) {}
    }
    class Child extends Base {}
    @Module({ providers: [Dependency, Child] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Child).dependency).toBe(app.get(Dependency));
  });

  it('provides null and undefined values like any other', async () => {
    @Injectable()
    class Reader {
      constructor(
        @Inject('NULL') readonly nothing: null,
        @Inject('UNDEFINED') readonly missing: undefined,
      ) {}
    }
    @Module({ providers: [Reader, { provide: 'NULL', useValue: null }, { provide: 'UNDEFINED', useFactory: () => undefined }] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get('NULL')).toBeNull();
    expect(app.get('UNDEFINED')).toBeUndefined();
    expect(app.get(Reader).nothing).toBeNull();
  });

  it('lets the last provider registered under a token win', async () => {
    @Module({ providers: [{ provide: 'X', useValue: 1 }, { provide: 'X', useValue: 2 }] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get('X')).toBe(2);
  });

  it('accepts forwardRef() in @Inject() for a class declared later in the file', async () => {
    @Injectable()
    class Early {
      // Typed loosely: a same-file class used before its declaration cannot appear in emitted metadata.
      constructor(@Inject(forwardRef(() => Late)) readonly late: unknown) {}
    }
    @Injectable()
    class Late {}
    @Module({ providers: [Early, Late] })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Early).late).toBe(app.get(Late));
  });

  it('injects the module class instance and lets the module class inject providers', async () => {
    @Injectable()
    class Service {}
    @Module({ providers: [Service] })
    class AppModule {
      constructor(readonly service: Service) {}
    }
    const app = await ArmatureContainer.create(AppModule);
    expect((app.root.instance as AppModule).service).toBe(app.get(Service));
    expect(app.get(AppModule)).toBe(app.root.instance);
  });
});

import {
  ArmatureContainer,
  Inject,
  Injectable,
  InvalidModuleError,
  InvalidProviderError,
  Module,
  UndefinedDependencyError,
  UndefinedModuleError,
  UndefinedProviderError,
  UnknownExportError,
  forwardRef,
} from '../../src/di';
import { bootError } from './boot-error';

describe('boot errors', () => {
  it('names the module and index of an undefined import (usually a circular file import)', async () => {
    @Module({})
    class Fine {}
    @Module({ imports: [Fine, undefined as never] })
    class CatsModule {}
    @Module({ imports: [CatsModule] })
    class AppModule {}

    const error = await bootError<Error>(AppModule);
    expect(error).toBeInstanceOf(UndefinedModuleError);
    expect(error.message).toContain('Armature cannot create the CatsModule instance.\nThe module at index [1] of the CatsModule "imports" array is undefined.');
    expect(error.message).toContain('Use forwardRef() on both sides');
    expect(error.message).toContain('Scope [AppModule -> CatsModule]');
  });

  it('explains a forwardRef() import that returns undefined', async () => {
    @Module({ imports: [forwardRef(() => undefined)] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow('The forwardRef() at index [0] of the AppModule "imports" array is undefined.');
  });

  it('names the module and index of an undefined provider or controller', async () => {
    @Module({ providers: [undefined as never] })
    class ProvidersModule {}
    await expect(ArmatureContainer.create(ProvidersModule)).rejects.toThrow(UndefinedProviderError);
    await expect(ArmatureContainer.create(ProvidersModule)).rejects.toThrow(
      'the provider at index [0] of the ProvidersModule "providers" array is undefined',
    );
    @Module({ controllers: [undefined as never] })
    class ControllersModule {}
    await expect(ArmatureContainer.create(ControllersModule)).rejects.toThrow('the controller at index [0] of the ControllersModule "controllers" array is undefined');
  });

  it('rejects an export that the module neither provides nor imports', async () => {
    @Module({ providers: [] , exports: ['DB'] })
    class CatsModule {}
    const error = await bootError<Error>(CatsModule);
    expect(error).toBeInstanceOf(UnknownExportError);
    expect(error.message).toContain(`Armature cannot export "DB" from CatsModule: it is neither one of CatsModule's providers nor a module CatsModule imports.`);
  });

  it('suggests exporting the module when re-exporting a single provider of an import', async () => {
    @Module({ providers: [{ provide: 'DB', useValue: 1 }], exports: ['DB'] })
    class DatabaseModule {}
    @Module({ imports: [DatabaseModule], exports: ['DB'] })
    class CoreModule {}
    await expect(ArmatureContainer.create(CoreModule)).rejects.toThrow(
      'DB is exported by DatabaseModule, which CoreModule imports: export DatabaseModule instead',
    );
  });

  it('lets a module export a module it imports, and rejects exporting one it does not import', async () => {
    @Module({})
    class Lonely {}
    @Module({ exports: [Lonely] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow("Lonely is a module: add it to AppModule's imports to re-export it.");
  });

  it('rejects importing a class that is not a module', async () => {
    @Injectable()
    class NotAModule {}
    @Module({ imports: [NotAModule] })
    class AppModule {}
    const error = await bootError<Error>(AppModule);
    expect(error).toBeInstanceOf(InvalidModuleError);
    expect(error.message).toContain("NotAModule has no @Module() decorator. Add @Module() to it, or, if it is a provider, list it in AppModule's providers instead.");
  });

  it('rejects unknown @Module() keys at decoration time', () => {
    expect(() => Module({ provider: [] } as never)).toThrow('Invalid property "provider" passed into the @Module() decorator.');
  });

  it('rejects malformed providers with the reason', async () => {
    @Module({ providers: [{ provide: 'X', useClas: class {} } as never] })
    class TypoModule {}
    const error = await bootError<Error>(TypoModule);
    expect(error).toBeInstanceOf(InvalidProviderError);
    expect(error.message).toContain('needs exactly one of useClass, useValue, useFactory, useExisting (found: useClas)');
    @Module({ providers: [[class {}] as never] })
    class NestedModule {}
    await expect(ArmatureContainer.create(NestedModule)).rejects.toThrow('providers arrays are not nested');
  });

  it('reports an undefined constructor token (circular file import or bad @Inject)', async () => {
    @Injectable()
    class Service {
      constructor(@Inject(forwardRef(() => undefined)) readonly missing: unknown) {}
    }
    @Module({ providers: [Service] })
    class AppModule {}
    const error = await bootError<Error>(AppModule);
    expect(error).toBeInstanceOf(UndefinedDependencyError);
    expect(error.message).toContain('The dependency at index [0] is undefined in the AppModule context.');
    expect(error.message).toContain('forwardRef(() => X) returned undefined');
  });

  it('rejects @Inject() on a method parameter', () => {
    expect(() => {
      class Controller {
        handle(@Inject('X') _value: unknown): void {}
      }
      return Controller;
    }).toThrow('@Inject() works on constructor parameters and properties, not on the parameters of Controller.handle().');
  });

  it('rejects a missing useExisting target with the alias named', async () => {
    @Module({ providers: [{ provide: 'ALIAS', useExisting: 'NOWHERE' }] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow(`dependencies of the ALIAS (?). Please make sure that the argument "NOWHERE" at index [0]`);
  });

  it('propagates a failing async factory', async () => {
    @Module({ providers: [{ provide: 'DB', useFactory: async () => Promise.reject(new Error('connection refused')) }] })
    class AppModule {}
    await expect(ArmatureContainer.create(AppModule)).rejects.toThrow('connection refused');
  });

  it('reports the first failure and leaves no unhandled rejection behind from builds it abandoned', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      @Injectable()
      class Broken {
        constructor(@Inject('SLOW') readonly slow: unknown, @Inject('FAST') readonly fast: unknown) {}
      }
      @Module({
        providers: [
          Broken,
          { provide: 'SLOW', useFactory: () => new Promise((_, reject) => setTimeout(() => reject(new Error('slow failure')), 5)) },
          {
            provide: 'FAST',
            useFactory: () => {
              throw new Error('fast failure');
            },
          },
        ],
      })
      class AppModule {}
      await expect(ArmatureContainer.create(AppModule)).rejects.toThrow('fast failure');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

import {
  ArmatureContainer,
  ArmatureCoreModule,
  Module,
  type InjectionToken,
  type ModuleImport,
  type ModuleMetadata,
  type Type,
} from '@armature/core';
import { TestingModule } from './testing-module';

type ProviderOverride = NonNullable<Parameters<typeof ArmatureContainer.create>[1]>['providerOverrides'] extends
  | Map<unknown, infer O>
  | undefined
  ? O
  : never;

/** `.overrideProvider(X)` → `.useValue(v)` / `.useClass(C)` / `.useFactory({ factory, inject })`. */
export interface OverrideBy {
  useValue(value: unknown): TestingModuleBuilder;
  useClass(type: Type): TestingModuleBuilder;
  useFactory(options: { factory: (...args: any[]) => unknown; inject?: InjectionToken[] }): TestingModuleBuilder;
}

/** Builds a module graph for tests, with providers and modules swapped out (NestJS's builder). */
export class TestingModuleBuilder {
  private readonly providerOverrides = new Map<InjectionToken, ProviderOverride>();
  private readonly moduleOverrides = new Map<ModuleImport, ModuleImport>();

  constructor(private readonly metadata: ModuleMetadata) {}

  overrideProvider(token: InjectionToken): OverrideBy {
    return {
      useValue: (value) => this.override(token, { useValue: value }),
      useClass: (type) => this.override(token, { useClass: type }),
      useFactory: ({ factory, inject }) => this.override(token, { useFactory: factory, inject }),
    };
  }

  /** Replaces a guard class wherever it is used (`@UseGuards`, `APP_GUARD`...). */
  overrideGuard(guard: InjectionToken): OverrideBy {
    return this.overrideProvider(guard);
  }

  overrideInterceptor(interceptor: InjectionToken): OverrideBy {
    return this.overrideProvider(interceptor);
  }

  overridePipe(pipe: InjectionToken): OverrideBy {
    return this.overrideProvider(pipe);
  }

  overrideFilter(filter: InjectionToken): OverrideBy {
    return this.overrideProvider(filter);
  }

  overrideModule(module: ModuleImport): { useModule(replacement: ModuleImport): TestingModuleBuilder } {
    return {
      useModule: (replacement) => {
        this.moduleOverrides.set(module, replacement);
        return this;
      },
    };
  }

  async compile(): Promise<TestingModule> {
    // The testing module's own root, built from the metadata given to createTestingModule.
    class RootTestModule {}
    Module(this.metadata)(RootTestModule);
    const container = await ArmatureContainer.create(RootTestModule, {
      providerOverrides: this.providerOverrides,
      moduleOverrides: this.moduleOverrides,
      coreModules: [ArmatureCoreModule],
    });
    return new TestingModule(container);
  }

  private override(token: InjectionToken, replacement: ProviderOverride): this {
    this.providerOverrides.set(token, replacement);
    return this;
  }
}

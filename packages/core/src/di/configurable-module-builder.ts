import type {
  ConfigurableModuleAsyncOptions,
  ConfigurableModuleBuilderOptions,
  ConfigurableModuleCls,
  ConfigurableModuleHost,
} from './configurable-module.types';
import { InvalidModuleError } from './errors';
import type { InjectionToken } from './injection-token';
import type { DynamicModule } from './module.types';
import type { FactoryDependency, Provider } from './provider.types';

/** Provided when `alwaysTransient` is set: a per-call value that makes every call a distinct module. */
export const CONFIGURABLE_MODULE_ID = 'CONFIGURABLE_MODULE_ID';

let lastGeneratedToken = 0;
let lastModuleId = 0;

type DefinitionTransform<Extras> = (definition: DynamicModule, extras: Extras) => DynamicModule;

interface BuilderState<Extras> {
  staticMethodKey: string;
  factoryClassMethodKey: string;
  extras: Extras | undefined;
  transform: DefinitionTransform<Extras>;
}

/**
 * Generates the register()/registerAsync() boilerplate of a configurable module (NestJS's API). Setters return
 * a new builder, so a shared base builder can be specialised safely.
 */
export class ConfigurableModuleBuilder<
  ModuleOptions,
  StaticMethodKey extends string = 'register',
  FactoryClassMethodKey extends string = 'create',
  ExtraModuleDefinitionOptions = {},
> {
  private readonly state: BuilderState<ExtraModuleDefinitionOptions>;
  private readonly options: ConfigurableModuleBuilderOptions;

  constructor(options: ConfigurableModuleBuilderOptions = {}, state?: BuilderState<ExtraModuleDefinitionOptions>) {
    this.options = {
      ...options,
      optionsInjectionToken:
        options.optionsInjectionToken ??
        (options.moduleName ? `${options.moduleName.toUpperCase()}_MODULE_OPTIONS` : `CONFIGURABLE_MODULE_OPTIONS[${++lastGeneratedToken}]`),
    };
    this.state = state ?? { staticMethodKey: 'register', factoryClassMethodKey: 'create', extras: undefined, transform: (definition) => definition };
  }

  /** Options that shape the module definition rather than the options object (e.g. `isGlobal`), with defaults. */
  setExtras<Extras>(
    extras: Extras,
    transformDefinition: DefinitionTransform<Extras> = (definition) => definition,
  ): ConfigurableModuleBuilder<ModuleOptions, StaticMethodKey, FactoryClassMethodKey, Extras> {
    return new ConfigurableModuleBuilder(this.options, { ...this.state, extras, transform: transformDefinition });
  }

  setClassMethodName<Key extends string>(key: Key): ConfigurableModuleBuilder<ModuleOptions, Key, FactoryClassMethodKey, ExtraModuleDefinitionOptions> {
    return new ConfigurableModuleBuilder(this.options, { ...this.state, staticMethodKey: key });
  }

  /** The method `useClass`/`useExisting` factories implement (default `create`). */
  setFactoryMethodName<Key extends string>(key: Key): ConfigurableModuleBuilder<ModuleOptions, StaticMethodKey, Key, ExtraModuleDefinitionOptions> {
    return new ConfigurableModuleBuilder(this.options, { ...this.state, factoryClassMethodKey: key });
  }

  build(): ConfigurableModuleHost<ModuleOptions, StaticMethodKey, FactoryClassMethodKey, ExtraModuleDefinitionOptions> {
    const token = this.options.optionsInjectionToken!;
    const { staticMethodKey, factoryClassMethodKey, extras, transform } = this.state;
    const alwaysTransient = this.options.alwaysTransient === true;
    const uniqueness = (): Provider[] => (alwaysTransient ? [{ provide: CONFIGURABLE_MODULE_ID, useValue: ++lastModuleId }] : []);
    type AsyncOptions = ConfigurableModuleAsyncOptions<ModuleOptions, FactoryClassMethodKey> & Partial<ExtraModuleDefinitionOptions>;

    class ConfigurableModule {
      static [staticMethodKey](this: Function, options: ModuleOptions & Partial<ExtraModuleDefinitionOptions>): DynamicModule {
        const providers: Provider[] = [{ provide: token, useValue: omitExtras(options, extras) }, ...uniqueness()];
        return transform({ module: this as never, providers }, { ...extras, ...options } as ExtraModuleDefinitionOptions);
      }

      static [`${staticMethodKey}Async`](this: Function, options: AsyncOptions): DynamicModule {
        const providers: Provider[] = [...asyncOptionsProviders(this, token, factoryClassMethodKey, staticMethodKey, options), ...uniqueness()];
        return transform({ module: this as never, imports: options.imports ?? [], providers }, { ...extras, ...options } as ExtraModuleDefinitionOptions);
      }
    }

    return {
      ConfigurableModuleClass: ConfigurableModule as unknown as ConfigurableModuleCls<ModuleOptions, StaticMethodKey, FactoryClassMethodKey, ExtraModuleDefinitionOptions>,
      MODULE_OPTIONS_TOKEN: token,
      ASYNC_OPTIONS_TYPE: undefined as never,
      OPTIONS_TYPE: undefined as never,
    };
  }
}

function omitExtras<T>(options: T, extras: unknown): T {
  if (!extras || typeof options !== 'object' || options === null) return options;
  const extraKeys = new Set(Object.keys(extras));
  return Object.fromEntries(Object.entries(options).filter(([key]) => !extraKeys.has(key))) as T;
}

function asyncOptionsProviders(
  moduleClass: Function,
  token: string | symbol,
  factoryMethod: string,
  staticMethodKey: string,
  options: ConfigurableModuleAsyncOptions<unknown, string>,
): Provider[] {
  if (options.useFactory) {
    const inject = options.inject ?? [];
    return [{ provide: token, useFactory: options.useFactory, inject }, ...injectionProviders(options.provideInjectionTokensFrom, inject)];
  }
  const factoryClass = options.useExisting ?? options.useClass;
  if (!factoryClass) {
    throw new InvalidModuleError(`${moduleClass.name}.${staticMethodKey}Async() needs one of useFactory, useClass or useExisting.`);
  }
  const fromFactoryClass: Provider = {
    provide: token,
    useFactory: (factory: Record<string, () => unknown>) => factory[factoryMethod](),
    inject: [factoryClass],
  };
  // useExisting reuses a provider visible in the module; useClass brings its own.
  return options.useExisting ? [fromFactoryClass] : [fromFactoryClass, { provide: factoryClass, useClass: factoryClass }];
}

/** The providers among `candidates` that `inject` (transitively, through their own factories) needs. */
function injectionProviders(candidates: readonly Provider[] | undefined, inject: readonly FactoryDependency[]): Provider[] {
  if (!candidates?.length) return [];
  const providedToken = (provider: Provider): InjectionToken => (typeof provider === 'function' ? provider : provider.provide);
  const dependencyToken = (dependency: FactoryDependency): unknown =>
    typeof dependency === 'object' && dependency !== null && 'token' in dependency ? dependency.token : dependency;
  const wanted = new Set(inject.map(dependencyToken));
  const selected: Provider[] = [];
  let added = true;
  while (added) {
    added = false;
    for (const provider of candidates) {
      if (selected.includes(provider) || !wanted.has(providedToken(provider))) continue;
      selected.push(provider);
      added = true;
      if (typeof provider === 'object' && 'useFactory' in provider) for (const dependency of provider.inject ?? []) wanted.add(dependencyToken(dependency));
    }
  }
  return selected;
}

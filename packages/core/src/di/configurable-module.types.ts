import type { DynamicModule, ModuleMetadata } from './module.types';
import type { FactoryProvider, Provider } from './provider.types';
import type { Type } from './type';

export interface ConfigurableModuleBuilderOptions {
  /** Token of the options provider; default `<MODULENAME>_MODULE_OPTIONS` or a unique string. */
  optionsInjectionToken?: string | symbol;
  /** Used for the default token. */
  moduleName?: string;
  /** Every register()/registerAsync() call creates a separate module instance, even with equal options. */
  alwaysTransient?: boolean;
}

/** A class that produces the module options (for `useClass`/`useExisting`). */
export type ConfigurableModuleOptionsFactory<ModuleOptions, FactoryClassMethodKey extends string> = Record<
  `${FactoryClassMethodKey}`,
  () => Promise<ModuleOptions> | ModuleOptions
>;

export interface ConfigurableModuleAsyncOptions<ModuleOptions, FactoryClassMethodKey extends string = 'create'>
  extends Pick<ModuleMetadata, 'imports'> {
  useExisting?: Type<ConfigurableModuleOptionsFactory<ModuleOptions, FactoryClassMethodKey>>;
  useClass?: Type<ConfigurableModuleOptionsFactory<ModuleOptions, FactoryClassMethodKey>>;
  useFactory?: (...args: any[]) => Promise<ModuleOptions> | ModuleOptions;
  inject?: FactoryProvider['inject'];
  /** Providers to add to the module when `inject` names them (so they need not come from an import). */
  provideInjectionTokensFrom?: Provider[];
}

/** The generated base class: `static [MethodKey](options)` and `static [MethodKey]Async(options)`. */
export type ConfigurableModuleCls<
  ModuleOptions,
  MethodKey extends string = 'register',
  FactoryClassMethodKey extends string = 'create',
  ExtraModuleDefinitionOptions = {},
> = {
  new (): any;
} & Record<`${MethodKey}`, (options: ModuleOptions & Partial<ExtraModuleDefinitionOptions>) => DynamicModule> &
  Record<
    `${MethodKey}Async`,
    (options: ConfigurableModuleAsyncOptions<ModuleOptions, FactoryClassMethodKey> & Partial<ExtraModuleDefinitionOptions>) => DynamicModule
  >;

export interface ConfigurableModuleHost<
  ModuleOptions = Record<string, unknown>,
  MethodKey extends string = string,
  FactoryClassMethodKey extends string = string,
  ExtraModuleDefinitionOptions = {},
> {
  ConfigurableModuleClass: ConfigurableModuleCls<ModuleOptions, MethodKey, FactoryClassMethodKey, ExtraModuleDefinitionOptions>;
  MODULE_OPTIONS_TOKEN: string | symbol;
  /** Type-only (undefined at runtime): `static forRootAsync(options: typeof ASYNC_OPTIONS_TYPE)`. */
  ASYNC_OPTIONS_TYPE: ConfigurableModuleAsyncOptions<ModuleOptions, FactoryClassMethodKey> & Partial<ExtraModuleDefinitionOptions>;
  /** Type-only (undefined at runtime): `static forRoot(options: typeof OPTIONS_TYPE)`. */
  OPTIONS_TYPE: ModuleOptions & Partial<ExtraModuleDefinitionOptions>;
}

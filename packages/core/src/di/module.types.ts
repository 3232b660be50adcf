import type { ForwardReference } from './forward-ref';
import type { InjectionToken } from './injection-token';
import type { Provider } from './provider.types';
import type { Type } from './type';

export type ModuleImport = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** What a module makes visible to the modules importing it: provider tokens, or imported modules to re-export. */
export type ModuleExport = InjectionToken | Provider | DynamicModule | ForwardReference;

export interface ModuleMetadata {
  imports?: ModuleImport[];
  controllers?: Type[];
  providers?: Provider[];
  exports?: ModuleExport[];
}

/** Module metadata built at runtime (forRoot()/register()...), merged with the class's own @Module(). */
export interface DynamicModule extends ModuleMetadata {
  module: Type;
  global?: boolean;
}

export function isDynamicModule(value: unknown): value is DynamicModule {
  return typeof value === 'object' && value !== null && typeof (value as DynamicModule).module === 'function';
}

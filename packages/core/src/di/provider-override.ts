import type { InjectionToken } from './injection-token';
import type { Type } from './type';

/** A replacement for a provider (from @armature/testing's overrideProvider()/overrideGuard()...). */
export type ProviderOverride =
  | { useValue: unknown }
  | { useClass: Type }
  | { useFactory: (...args: any[]) => unknown; inject?: InjectionToken[] };

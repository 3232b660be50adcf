import type { ForwardReference } from './forward-ref';
import type { InjectionToken } from './injection-token';
import type { Scope } from './scope';
import type { Type } from './type';

export interface ClassProvider<T = any> {
  provide: InjectionToken;
  useClass: Type<T>;
  scope?: Scope;
}

export interface ValueProvider<T = any> {
  provide: InjectionToken;
  useValue: T;
}

/** A factory argument that resolves to `undefined` instead of failing when nothing provides `token`. */
export interface OptionalFactoryDependency {
  token: InjectionToken | ForwardReference;
  optional: boolean;
}

export type FactoryDependency = InjectionToken | OptionalFactoryDependency | ForwardReference;

export interface FactoryProvider<T = any> {
  provide: InjectionToken;
  /** May return a Promise: it is awaited at boot before anything that depends on it is built. */
  useFactory: (...args: any[]) => T | Promise<T>;
  inject?: FactoryDependency[];
  scope?: Scope;
}

/** An alias: `provide` resolves to the very instance registered under `useExisting`. */
export interface ExistingProvider<T = any> {
  provide: InjectionToken;
  useExisting: InjectionToken<T> | ForwardReference;
}

export type Provider<T = any> = Type<T> | ClassProvider<T> | ValueProvider<T> | FactoryProvider<T> | ExistingProvider<T>;

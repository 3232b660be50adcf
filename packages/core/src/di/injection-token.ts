import type { Abstract, Type } from './type';

/** What a provider is registered under and a dependency asks for. */
export type InjectionToken<T = any> = string | symbol | Type<T> | Abstract<T> | Function;

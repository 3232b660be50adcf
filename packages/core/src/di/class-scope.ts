import { SCOPE_OPTIONS_METADATA } from './metadata-keys';
import { Scope, type ScopeOptions } from './scope';
import type { Type } from './type';

/** The scope declared on a class with @Injectable({ scope }) or @Controller({ scope }); DEFAULT otherwise. */
export function getClassScope(type: Type): Scope {
  const options = Reflect.getMetadata(SCOPE_OPTIONS_METADATA, type) as ScopeOptions | undefined;
  return options?.scope ?? Scope.DEFAULT;
}

/** For class decorators other than @Injectable (e.g. @Controller) that accept a scope. */
export function setClassScope(type: Function, scope: Scope | undefined): void {
  Reflect.defineMetadata(SCOPE_OPTIONS_METADATA, { scope }, type);
}

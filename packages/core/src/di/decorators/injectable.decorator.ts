import 'reflect-metadata';
import { injectable } from 'tsyringe';
import { setClassScope } from '../class-scope';
import { INJECTABLE_METADATA } from '../metadata-keys';
import type { ScopeOptions } from '../scope';

export type InjectableOptions = ScopeOptions;

/**
 * Marks a class as a provider and makes TypeScript emit its constructor types. Also applies tsyringe's
 * `injectable()`, so the same class can be resolved by a plain tsyringe container.
 */
export function Injectable(options?: InjectableOptions): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(INJECTABLE_METADATA, true, target);
    // Always set (even to undefined) so a subclass does not inherit its parent's scope.
    setClassScope(target, options?.scope);
    injectable()(target as unknown as new (...args: any[]) => unknown);
  };
}

export function isInjectable(target: Function): boolean {
  return Reflect.getMetadata(INJECTABLE_METADATA, target) === true;
}

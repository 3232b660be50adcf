import { CATCH_METADATA } from './metadata-keys';

/** Marks an exception filter and the exception types it handles (none listed: every exception). */
export function Catch(...exceptions: Array<abstract new (...args: any[]) => unknown>): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(CATCH_METADATA, exceptions, target);
  };
}

/** The exception types a filter class declared with `@Catch` (empty: all). */
export function caughtExceptionsOf(filter: object): Array<abstract new (...args: any[]) => unknown> {
  const type = typeof filter === 'function' ? filter : filter.constructor;
  return Reflect.getMetadata(CATCH_METADATA, type) ?? [];
}

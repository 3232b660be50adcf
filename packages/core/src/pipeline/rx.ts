import type * as Rx from 'rxjs';

// rxjs is ~220 files: it loads the first time a route meets an Observable (an interceptor, a
// handler or guard returning one), which means the application has loaded it already.

let loaded: typeof Rx | undefined;

/** The rxjs module, required on first use. */
export function rxjs(): typeof Rx {
  loaded ??= require('rxjs') as typeof Rx;
  return loaded;
}

/** rxjs's own test (an Observable has `lift` and `subscribe`), without loading rxjs to make it. */
export function isObservable(value: unknown): value is Rx.Observable<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { lift?: unknown }).lift === 'function' &&
    typeof (value as { subscribe?: unknown }).subscribe === 'function'
  );
}

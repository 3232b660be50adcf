import { NotFoundException } from '../exceptions';
import type { ArmatureRequest } from '../http/request';
import type { ArmatureResponse } from '../http/response';
import type { RequestTest } from './middleware-gate';
import type { MiddlewareInvoker } from './middleware-invoker';

/** One middleware of a route's chain, and the per-request test it waits on (none: it always runs). */
export interface MiddlewareStep {
  readonly invoker: MiddlewareInvoker;
  readonly when?: RequestTest;
}

/**
 * Runs a route's middleware in order, Express's way: each gets `(req, res, next)` and the next
 * runs when it calls `next()`. Resolves true once the last one called `next()`, false as soon as
 * one answered by itself (the response went out); rejects with what went to `next(err)`, or was
 * thrown, or rejected an async `use()`. `next('route')` continues; `next('router')` leaves, as in
 * Express, to a 404. A second call of one `next` is ignored.
 */
export function runMiddlewareChain(steps: readonly MiddlewareStep[], request: ArmatureRequest, response: ArmatureResponse): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    let settled = false;
    let position = 0;
    const settle = (proceed: boolean): void => {
      if (settled) return;
      settled = true;
      resolve(proceed);
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    // A middleware may answer later without ever calling next (an async `res.end()`).
    response.whenSent(() => settle(false));

    const advance = (): void => {
      while (!settled && position < steps.length) {
        const step = steps[position++];
        if (step.when !== undefined && !step.when(request)) continue;
        call(step.invoker);
        return;
      }
      settle(true);
    };

    const call = (invoker: MiddlewareInvoker): void => {
      let called = false;
      const next = (error?: unknown): void => {
        if (called || settled) return;
        called = true;
        if (error === 'router') fail(new NotFoundException(`Cannot ${request.method} ${request.url}`));
        else if (error && error !== 'route') fail(error);
        else advance();
      };
      try {
        const result = invoker.invoke(request, response, next);
        if (isThenable(result)) result.then(undefined, fail);
      } catch (error) {
        fail(error);
      }
    };

    advance();
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}

import type { ArmatureRequest } from '../http/request';
import type { ArmatureResponse } from '../http/response';
import { MIDDLEWARE_NEEDS, type MiddlewareNeeds } from './middleware-needs';
import { linkRequestAndResponse } from './response-binding';
import { runMiddlewareChain, type MiddlewareStep } from './run-middleware-chain';

/** A route's middleware, composed once at startup. */
export interface MiddlewareRunner {
  /** Merge into the route's `RequestNeeds` (see `withMiddlewareNeeds`). */
  readonly needs: MiddlewareNeeds;
  /** The middleware that may run, in order (for logs and tests). */
  readonly names: readonly string[];
  /**
   * Resolves true to continue to guards, false when a middleware answered by itself; rejects with
   * a middleware's error (for the exception filters).
   */
  run(request: ArmatureRequest, response: ArmatureResponse): Promise<boolean>;
}

export function createMiddlewareRunner(steps: readonly MiddlewareStep[]): MiddlewareRunner {
  return {
    needs: MIDDLEWARE_NEEDS,
    names: steps.map((step) => step.invoker.name),
    run(request, response) {
      linkRequestAndResponse(request, response);
      return runMiddlewareChain(steps, request, response);
    },
  };
}

import type { ArmatureRequest } from '../http/request';
import type { HttpExchange } from '../adapters/http-exchange';

/**
 * What an adapter must copy off its native request, synchronously, before handing it to a route.
 * Computed once per route at startup, so that a route that reads nothing copies nothing
 * (uWS's request object dies at the first `await`).
 */
export interface RequestNeeds {
  /** Copy every header into `request.headers` (for `@Req()`, `@Headers()` with no name, middleware). */
  readonly allHeaders: boolean;
  /** Otherwise, copy only these (lower-case) header names. Empty when none is needed. */
  readonly headerNames: readonly string[];
  /** The route reads the body: the adapter starts collecting it before returning from its callback. */
  readonly body: boolean;
  /** Fill `request.ip` with the remote address. */
  readonly ip: boolean;
}

/**
 * A compiled route, as the adapter sees it. `run` never throws and never rejects: every failure
 * becomes an error response written through the exchange.
 */
export interface RouteHandle {
  readonly needs: RequestNeeds;
  run(request: ArmatureRequest, exchange: HttpExchange): void;
}

/** The result of a route-table lookup: a route plus its decoded path parameters. */
export interface RouteMatch {
  readonly handle: RouteHandle;
  readonly params: Record<string, string>;
}

/**
 * The compiled route table an adapter dispatches into. `lookup` always returns a match: unknown
 * paths, wrong methods (405 + Allow) and malformed percent-encoding (400) come back as built-in
 * handles that answer with the right error, so an adapter never branches on them.
 */
export interface RouteTableView {
  lookup(method: string, path: string, host?: string): RouteMatch;
  /** True when some route is constrained by host: only then does the adapter need to pass `host`. */
  readonly hostConstrained: boolean;
}

import {
  errorJson,
  type ArmatureRequest,
  type HttpExchange,
  type RequestNeeds,
  type RouteHandle,
  type RouteMatch,
  type RouteTableView,
} from '@armature/core';

export type RouteRun = (request: ArmatureRequest, exchange: HttpExchange) => void;

const NOTHING: RequestNeeds = { allHeaders: false, headerNames: [], body: false, ip: false };

/**
 * A stand-in for the core's compiled route table: exact method + path matches, HEAD served by GET
 * routes, and a built-in 404 handle for everything else (the real table never misses either).
 */
export class FakeRouteTable implements RouteTableView {
  readonly hostConstrained = false;
  /** Every request the table routed, as "METHOD path". */
  readonly lookups: string[] = [];
  private readonly routes = new Map<string, RouteHandle>();
  private readonly notFound: RouteHandle = {
    needs: NOTHING,
    run: (request, exchange) =>
      exchange.send(404, ['content-type', 'application/json'], errorJson(404, `Cannot ${request.method} ${request.path}`)),
  };

  add(method: string, path: string, run: RouteRun, needs: Partial<RequestNeeds> = {}): this {
    this.routes.set(`${method} ${path}`, { needs: { ...NOTHING, ...needs }, run });
    return this;
  }

  lookup(method: string, path: string): RouteMatch {
    this.lookups.push(`${method} ${path}`);
    const handle =
      this.routes.get(`${method} ${path}`) ?? (method === 'HEAD' ? this.routes.get(`GET ${path}`) : undefined) ?? this.notFound;
    return { handle, params: {} };
  }
}

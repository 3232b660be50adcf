import { errorJson, type ArmatureRequest, type HttpExchange, type RequestNeeds, type RouteHandle, type RouteTableView } from '@armature/core';

export type RouteRun = (request: ArmatureRequest, exchange: HttpExchange) => void;
export interface FakeRoute {
  run: RouteRun;
  needs?: Partial<RequestNeeds>;
}

export const JSON_HEADERS = ['content-type', 'application/json; charset=utf-8'];
const NO_NEEDS: RequestNeeds = { allHeaders: false, headerNames: [], body: false, ip: false };

/** A stand-in for core's route table: exact `METHOD /path` keys, HEAD served by GET, else a JSON 404. */
export function fakeTable(routes: Record<string, RouteRun | FakeRoute>): RouteTableView & { lookups: string[] } {
  const handles = new Map<string, RouteHandle>();
  for (const [key, route] of Object.entries(routes)) {
    const { run, needs } = typeof route === 'function' ? { run: route, needs: undefined } : route;
    handles.set(key, { needs: { ...NO_NEEDS, ...needs }, run });
  }
  const notFound: RouteHandle = {
    needs: NO_NEEDS,
    run: (request, exchange) =>
      exchange.send(404, JSON_HEADERS, errorJson(404, `Cannot ${request.method} ${request.path}`)),
  };
  const lookups: string[] = [];
  return {
    hostConstrained: false,
    lookups,
    lookup(method, path) {
      lookups.push(`${method} ${path}`);
      const handle = handles.get(`${method} ${path}`) ?? (method === 'HEAD' ? handles.get(`GET ${path}`) : undefined);
      return { handle: handle ?? notFound, params: {} };
    },
  };
}

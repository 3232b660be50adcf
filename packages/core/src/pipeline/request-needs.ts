import type { RequestNeeds } from '../router/route-handle';
import { RouteParamtype } from '../decorators/param.decorators';
import type { RouteDefinition } from '../router/route-definition';

/** Headers the body reader consults to decide whether there is a body and how to parse it. */
export const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];

/**
 * What the adapter must copy off its native request for this route, derived once from the
 * handler's parameters. `scoped` routes (request-scoped controller) hand the whole request to DI.
 */
export function requestNeedsOf(route: RouteDefinition, options: { scoped: boolean; extraHeaders?: readonly string[] }): RequestNeeds {
  let allHeaders = options.scoped;
  let body = options.scoped;
  let ip = options.scoped;
  const names = new Set<string>(options.extraHeaders ?? []);
  for (const param of route.params) {
    switch (param.type) {
      case RouteParamtype.REQUEST:
        allHeaders = body = ip = true;
        break;
      case RouteParamtype.BODY:
        body = true;
        break;
      case RouteParamtype.HEADERS:
        if (param.data === undefined) allHeaders = true;
        else names.add(param.data);
        break;
      case RouteParamtype.IP:
        ip = true;
        break;
      case RouteParamtype.HOST:
        names.add('host');
        break;
      default:
        break;
    }
  }
  if (body) for (const name of BODY_HEADERS) names.add(name);
  return Object.freeze({ allHeaders, headerNames: allHeaders ? [] : [...names], body, ip });
}

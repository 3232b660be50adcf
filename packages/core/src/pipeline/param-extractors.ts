import type { ArmatureRequest } from '../http/request';
import type { ArmatureResponse } from '../http/response';
import { RouteParamtype, type RouteParamMetadata } from '../decorators/param.decorators';
import type { RouteDefinition } from '../router/route-definition';

/** Reads one handler argument from the request. Built once per parameter at startup. */
export type ParamExtractor = (request: ArmatureRequest, response: ArmatureResponse | undefined, next: (error?: unknown) => void) => unknown;

const readNothing: ParamExtractor = () => undefined;

/** One extractor per handler parameter position (positions with no decorator receive undefined). */
export function buildExtractors(route: RouteDefinition): ParamExtractor[] {
  const count = route.params.reduce((max, p) => Math.max(max, p.index + 1), 0);
  const extractors: ParamExtractor[] = new Array(count).fill(readNothing);
  for (const param of route.params) extractors[param.index] = extractorFor(param, route);
  return extractors;
}

function extractorFor(param: RouteParamMetadata, route: RouteDefinition): ParamExtractor {
  const key = param.data;
  switch (param.type) {
    case RouteParamtype.PARAM:
      return key === undefined ? (req) => req.params : (req) => req.params[key];
    case RouteParamtype.QUERY:
      return key === undefined ? (req) => req.query : (req) => req.query[key];
    case RouteParamtype.BODY:
      return key === undefined ? (req) => req.body : (req) => (req.body as Record<string, unknown> | undefined)?.[key];
    case RouteParamtype.HEADERS:
      return key === undefined ? (req) => req.headers : (req) => req.headers[key];
    case RouteParamtype.IP:
      return (req) => req.ip;
    case RouteParamtype.REQUEST:
      return (req) => req;
    case RouteParamtype.RESPONSE:
      return (_req, res) => res;
    case RouteParamtype.NEXT:
      return (_req, _res, next) => next;
    case RouteParamtype.HOST:
      return hostParamExtractor(route, key);
    // As NestJS: `@UploadedFile('avatar')` reads `req.avatar` (a custom interceptor may store files there).
    case RouteParamtype.FILE:
      return key === undefined ? (req) => req.file : (req) => (req as unknown as Record<string, unknown>)[key];
    case RouteParamtype.FILES:
      return key === undefined ? (req) => req.files : (req) => (req as unknown as Record<string, unknown>)[key];
    case RouteParamtype.CUSTOM:
      // Needs the execution context: read by the pipeline (compile-enhanced-route.ts), never here.
      return readNothing;
  }
}

/** `@HostParam()` reads the named groups of the controller's host pattern. */
function hostParamExtractor(route: RouteDefinition, key: string | undefined): ParamExtractor {
  const pattern = route.host instanceof RegExp ? route.host : undefined;
  return (req) => {
    const groups = pattern === undefined ? undefined : pattern.exec(req.hostname ?? '')?.groups;
    const values = { ...(groups ?? {}) };
    return key === undefined ? values : values[key];
  };
}

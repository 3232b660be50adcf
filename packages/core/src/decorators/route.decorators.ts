import { RequestMethod } from './request-method';
import { ROUTE_METADATA } from './metadata-keys';

export interface RouteMetadata {
  method: RequestMethod;
  paths: string[];
}

/** Declares a handler for `method` on `path` (relative to the controller's prefix). */
export function RequestMapping(metadata: { path?: string | string[]; method?: RequestMethod } = {}): MethodDecorator {
  const route: RouteMetadata = {
    method: metadata.method ?? RequestMethod.GET,
    paths: metadata.path === undefined ? ['/'] : ([] as string[]).concat(metadata.path),
  };
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(ROUTE_METADATA, route, descriptor.value as object);
    return descriptor;
  };
}

const mappingFor =
  (method: RequestMethod) =>
  (path?: string | string[]): MethodDecorator =>
    RequestMapping({ path, method });

export const Get = mappingFor(RequestMethod.GET);
export const Post = mappingFor(RequestMethod.POST);
export const Put = mappingFor(RequestMethod.PUT);
export const Delete = mappingFor(RequestMethod.DELETE);
export const Patch = mappingFor(RequestMethod.PATCH);
export const Options = mappingFor(RequestMethod.OPTIONS);
export const Head = mappingFor(RequestMethod.HEAD);
export const Search = mappingFor(RequestMethod.SEARCH);
export const All = mappingFor(RequestMethod.ALL);

import type { ModuleRecord, Type } from '../di';
import { CONTROLLER_METADATA, HTTP_CODE_METADATA, REDIRECT_METADATA, RESPONSE_HEADERS_METADATA, ROUTE_ARGS_METADATA, ROUTE_METADATA, VERSION_METADATA } from '../decorators/metadata-keys';
import type { ControllerMetadata, VersionValue } from '../decorators/controller.decorator';
import type { RouteMetadata } from '../decorators/route.decorators';
import { REQUEST_METHOD_NAMES, RequestMethod } from '../decorators/request-method';
import type { RouteParamMetadata } from '../decorators/param.decorators';
import { hostPatternToRegExp, joinPaths, translatePath } from './path-syntax';
import type { RouteDefinition } from './route-definition';
import { effectiveVersions, versionSegments, VersioningType, type VersioningOptions } from './versioning';

/** A route excluded from the global prefix: a path (as declared) and optionally one method. */
export interface RouteInfo {
  path: string;
  method?: RequestMethod;
}

export interface ExploreOptions {
  globalPrefix?: string;
  globalPrefixExclude?: ReadonlyArray<string | RouteInfo>;
  versioning?: VersioningOptions;
}

/**
 * Reads every controller's decorator metadata into route definitions, once at startup: one per
 * (controller path × method path × version × host).
 */
export function exploreRoutes(modules: readonly ModuleRecord[], options: ExploreOptions = {}): RouteDefinition[] {
  const routes: RouteDefinition[] = [];
  for (const module of modules) {
    for (const controller of module.controllers) routes.push(...exploreController(controller, module, options));
  }
  return routes;
}

function exploreController(controller: Type, module: ModuleRecord, options: ExploreOptions): RouteDefinition[] {
  const metadata: ControllerMetadata | undefined = Reflect.getMetadata(CONTROLLER_METADATA, controller);
  if (metadata === undefined) {
    throw new Error(`${controller.name} is listed in the controllers of ${module.name} but is not decorated with @Controller()`);
  }
  const routes: RouteDefinition[] = [];
  const requestVersioned = options.versioning !== undefined && options.versioning.type !== VersioningType.URI;
  for (const methodName of handlerNames(controller)) {
    const handler = controller.prototype[methodName] as (...args: unknown[]) => unknown;
    const route: RouteMetadata | undefined = Reflect.getMetadata(ROUTE_METADATA, handler);
    if (route === undefined) continue;
    const declaredVersion: VersionValue | undefined = Reflect.getMetadata(VERSION_METADATA, handler) ?? metadata.version;
    const versions = effectiveVersions(declaredVersion, options.versioning);
    const shared = {
      method: REQUEST_METHOD_NAMES[route.method],
      controller,
      methodName,
      handler,
      module,
      params: paramsOf(controller, methodName),
      httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
      responseHeaders: (Reflect.getMetadata(RESPONSE_HEADERS_METADATA, handler) ?? []) as Array<[string, string]>,
      redirect: Reflect.getMetadata(REDIRECT_METADATA, handler),
    };
    for (const controllerPath of metadata.paths) {
      for (const methodPath of route.paths) {
        for (const versionSegment of versionSegments(versions, options.versioning)) {
          const declared = joinPaths(controllerPath, methodPath);
          const prefix = isExcluded(declared, route.method, options) ? undefined : options.globalPrefix;
          const { path, wildcardName } = translatePath(joinPaths(prefix, versionSegment, declared));
          for (const host of metadata.host ?? [undefined]) {
            const hostPattern = host === undefined ? undefined : hostPatternToRegExp(host);
            routes.push({ ...shared, path, wildcardName, host: hostPattern, versions: requestVersioned ? versions : undefined });
          }
        }
      }
    }
  }
  return routes;
}

/** Method names along the prototype chain (inherited handlers count, as in NestJS), subclass first. */
function handlerNames(controller: Type): string[] {
  const names = new Set<string>();
  for (let proto = controller.prototype; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names];
}

/** Parameter metadata, looked up on the class that declared the method (inherited handlers). */
function paramsOf(controller: Type, methodName: string): RouteParamMetadata[] {
  for (let type: unknown = controller; typeof type === 'function' && type !== Function.prototype; type = Object.getPrototypeOf(type)) {
    const params = Reflect.getOwnMetadata(ROUTE_ARGS_METADATA, type as object, methodName);
    if (params !== undefined) return params;
  }
  return [];
}

function isExcluded(path: string, method: RequestMethod, options: ExploreOptions): boolean {
  for (const entry of options.globalPrefixExclude ?? []) {
    const info = typeof entry === 'string' ? { path: entry } : entry;
    const samePath = joinPaths(info.path).toLowerCase() === path.toLowerCase();
    if (samePath && (info.method === undefined || info.method === RequestMethod.ALL || info.method === method)) return true;
  }
  return false;
}

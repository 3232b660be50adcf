import type { Type } from '../di';
import { VERSION_NEUTRAL, type VersionValue } from '../decorators/controller.decorator';
import { REQUEST_METHOD_NAMES, RequestMethod } from '../decorators/request-method';
import { joinPaths } from '../router/path-syntax';
import type { RouteInfo } from '../router/route-explorer';
import { VersioningType, type VersioningOptions } from '../router/versioning';
import type { MiddlewareRoute } from './nest-module';
import { compilePathPattern, type PathPattern } from './path-pattern';

/** One thing a middleware chain is bound to (or excluded from), resolved at startup. */
export type MiddlewareTarget =
  /** A path, for one method (upper-case) or all of them (`undefined`). */
  | { readonly kind: 'path'; readonly pattern: PathPattern; readonly method: string | undefined }
  /** Every route of a controller class. */
  | { readonly kind: 'controller'; readonly controller: Type };

/** The application settings that shape middleware paths, as they shape route paths. */
export interface MiddlewarePathOptions {
  readonly globalPrefix?: string;
  readonly globalPrefixExclude?: ReadonlyArray<string | RouteInfo>;
  readonly versioning?: VersioningOptions;
}

type Use = 'forRoutes' | 'exclude';

/**
 * Turns `forRoutes()`/`exclude()` arguments into targets, with NestJS's path rules: the global
 * prefix is added (except to paths excluded from it); a wildcard path under a prefix covers the
 * prefix itself, everything below it, and the paths excluded from the prefix; with URI versioning,
 * a route's `version` adds its version segment (a path without `version` gets none, as in NestJS).
 */
export function targetsOf(entries: ReadonlyArray<string | MiddlewareRoute | Type>, options: MiddlewarePathOptions, use: Use): MiddlewareTarget[] {
  const targets: MiddlewareTarget[] = [];
  for (const entry of entries) {
    if (typeof entry === 'function') {
      if (use === 'exclude') throw new Error(`exclude() takes paths or { path, method } routes, not a class (${entry.name})`);
      targets.push({ kind: 'controller', controller: entry });
      continue;
    }
    const route = typeof entry === 'string' ? { path: entry } : entry;
    if (route === null || typeof route !== 'object' || typeof route.path !== 'string') {
      throw new Error(`${use}() takes paths, { path, method } routes${use === 'forRoutes' ? ' or controller classes' : ''}; received ${String(entry)}`);
    }
    const method = route.method === undefined || route.method === RequestMethod.ALL ? undefined : REQUEST_METHOD_NAMES[route.method];
    for (const path of pathsOf(route, options, use)) targets.push({ kind: 'path', pattern: compilePathPattern(path), method });
  }
  return targets;
}

function pathsOf(route: MiddlewareRoute, options: MiddlewarePathOptions, use: Use): string[] {
  const path = route.path.startsWith('/') ? route.path : `/${route.path}`;
  const versions = versionSegmentsOf(route.version, options.versioning);
  const prefix = prefixOf(options.globalPrefix);
  if (isWildcardPath(path)) {
    if (use === 'exclude' && versions.length === 0) return [path];
    const bases = versions.length === 0 ? [prefix] : versions.map((version) => prefix + version);
    const paths = bases.flatMap((base) => (base === '' ? [path] : [base, base + path]));
    if (use === 'forRoutes') {
      for (const excluded of options.globalPrefixExclude ?? []) {
        const excludedPath = joinPaths(typeof excluded === 'string' ? excluded : excluded.path);
        paths.push(...(versions.length === 0 ? [excludedPath] : versions.map((version) => version + excludedPath)));
      }
    }
    return paths;
  }
  return prefixesFor(path, route.method, options).flatMap((base) => (versions.length === 0 ? [base + path] : versions.map((version) => base + version + path)));
}

/** NestJS treats these as "every route" (and then handles the global prefix specially). */
function isWildcardPath(path: string): boolean {
  return path === '/*' || path === '/*/' || path === '/(.*)' || /^\/\{.*\}.*|^\/\*.*$/.test(path);
}

function prefixOf(globalPrefix: string | undefined): string {
  if (globalPrefix === undefined) return '';
  const joined = joinPaths(globalPrefix);
  return joined === '/' ? '' : joined;
}

/**
 * `''` for a path excluded from the global prefix, the prefix otherwise; both when the exclusion
 * covers only some of the methods the middleware applies to.
 */
function prefixesFor(path: string, method: RequestMethod | undefined, options: MiddlewarePathOptions): string[] {
  const prefix = prefixOf(options.globalPrefix);
  if (prefix === '') return [''];
  const samePath = joinPaths(path).toLowerCase();
  const exclusions = (options.globalPrefixExclude ?? [])
    .map((entry) => (typeof entry === 'string' ? { path: entry } : entry))
    .filter((entry) => joinPaths(entry.path).toLowerCase() === samePath);
  if (exclusions.length === 0) return [prefix];
  const forAllMethods = (entry: RouteInfo) => entry.method === undefined || entry.method === RequestMethod.ALL;
  const appliesToAll = method === undefined || method === RequestMethod.ALL;
  if (exclusions.some((entry) => forAllMethods(entry) || (!appliesToAll && entry.method === method))) return [''];
  return appliesToAll ? ['', prefix] : [prefix];
}

/** `/v1`-style segments of a route's version under URI versioning (`''` for VERSION_NEUTRAL); none otherwise. */
function versionSegmentsOf(version: VersionValue | undefined, versioning: VersioningOptions | undefined): string[] {
  if (version === undefined || versioning?.type !== VersioningType.URI) return [];
  const prefix = versioning.prefix === false ? '' : (versioning.prefix ?? 'v');
  return ([] as Array<string | typeof VERSION_NEUTRAL>).concat(version).map((v) => (v === VERSION_NEUTRAL ? '' : `/${prefix}${v}`));
}

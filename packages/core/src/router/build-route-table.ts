import type { RouteHandle } from './route-handle';
import { describeHandler, type RouteDefinition } from './route-definition';
import { RouteTable, type RouteTableOptions } from './route-table';
import { versionReader, type VersioningOptions } from './versioning';
import { versionSwitch } from './version-switch';

/** Methods an `@All()` route answers. */
const ALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'SEARCH'];

/**
 * Inserts compiled routes into a fresh table. Explicit routes go first, so that they win over an
 * `@All()` on the same path whatever the declaration order; every GET also answers HEAD unless a
 * HEAD route is declared; with CORS on, OPTIONS preflights are answered on every path; two routes with the same method and path fail with both handlers named.
 */
export function buildRouteTable(
  routes: readonly RouteDefinition[],
  compile: (route: RouteDefinition) => RouteHandle,
  options: RouteTableOptions & { preflight?: RouteHandle; versioning?: VersioningOptions } = {},
): RouteTable {
  const table = new RouteTable(options);
  const compiled = new Map(routes.map((route) => [route, compile(route)]));
  const reader = options.versioning === undefined ? undefined : versionReader(options.versioning);
  const grouped = reader === undefined ? routes : groupVersions(routes, compiled, reader);
  const explicit = grouped.filter((route) => route.method !== 'ALL');
  const catchAll = grouped.filter((route) => route.method === 'ALL');

  for (const route of explicit) table.add(route.method, route.path, compiled.get(route)!, describeHandler(route), route.host);
  for (const route of explicit) {
    if (route.method === 'GET' && !table.has('HEAD', route.path, route.host)) {
      table.add('HEAD', route.path, compiled.get(route)!, describeHandler(route), route.host);
    }
  }
  // CORS preflight answers OPTIONS on every path that declares no OPTIONS route (before @All, as
  // the cors middleware runs before any route).
  if (options.preflight !== undefined) {
    for (const route of routes) {
      if (!table.has('OPTIONS', route.path, route.host)) table.add('OPTIONS', route.path, options.preflight, 'CORS preflight', route.host);
    }
  }
  const seenCatchAll = new Map<string, RouteDefinition>();
  for (const route of catchAll) {
    const key = `${route.path.toLowerCase()} ${String(route.host ?? '')}`;
    const earlier = seenCatchAll.get(key);
    if (earlier !== undefined) {
      throw new Error(`Duplicate route ALL ${route.path}: declared by both ${describeHandler(earlier)} and ${describeHandler(route)}`);
    }
    seenCatchAll.set(key, route);
    for (const method of ALL_METHODS) {
      if (!table.has(method, route.path, route.host)) table.add(method, route.path, compiled.get(route)!, describeHandler(route), route.host);
    }
  }
  return table;
}

/**
 * Request-based versioning: routes sharing method + path + host become one route whose handle
 * picks by version. Two routes claiming the same version there fail, naming both.
 */
function groupVersions(
  routes: readonly RouteDefinition[],
  compiled: Map<RouteDefinition, RouteHandle>,
  reader: NonNullable<ReturnType<typeof versionReader>>,
): RouteDefinition[] {
  const groups = new Map<string, RouteDefinition[]>();
  for (const route of routes) {
    const key = `${route.method} ${route.path.replace(/:[^/]+/g, ':').toLowerCase()} ${String(route.host ?? '')}`;
    groups.set(key, [...(groups.get(key) ?? []), route]);
  }
  const result: RouteDefinition[] = [];
  for (const group of groups.values()) {
    if (group.length === 1 && group[0].versions === undefined) {
      result.push(group[0]); // unversioned and alone: no switch needed
      continue;
    }
    const claimed = new Map<unknown, RouteDefinition>();
    for (const route of group) {
      for (const version of route.versions ?? [undefined]) {
        const earlier = claimed.get(version);
        if (earlier !== undefined) {
          throw new Error(`Duplicate route ${route.method} ${route.path} (version ${String(version ?? 'none')}): declared by both ${describeHandler(earlier)} and ${describeHandler(route)}`);
        }
        claimed.set(version, route);
      }
    }
    const representative = group[0];
    compiled.set(representative, versionSwitch(group.map((route) => ({ versions: route.versions, handle: compiled.get(route)! })), reader));
    result.push(representative);
  }
  return result;
}

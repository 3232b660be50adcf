/**
 * Route paths as NestJS users write them, translated to find-my-way's syntax:
 * - `:id`, `:id?` (optional, last segment) and `:id(\\d+)` pass through;
 * - `{/:id}` (NestJS 11 optional segment) becomes `/:id?`;
 * - a trailing `*`, `(.*)`, `*name` or `{*name}` (NestJS 11 named wildcard) becomes `*`, and the
 *   wildcard's value is reported under `name` (or `'*'` for an anonymous one).
 */
export interface TranslatedPath {
  path: string;
  /** The name the wildcard param is exposed as, when the path ends in a named wildcard. */
  wildcardName?: string;
}

export function translatePath(path: string): TranslatedPath {
  let result = path.replace(/\{\/:([A-Za-z0-9_]+)\}/g, '/:$1?').replace(/\(\.\*\)/g, '*');
  let wildcardName: string | undefined;
  const named = /\{?\*([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(result);
  if (named !== null) {
    wildcardName = named[1];
    result = result.slice(0, named.index) + '*';
  }
  return { path: result, wildcardName };
}

/** Joins path pieces with single slashes, no trailing slash (except the root). */
export function joinPaths(...parts: Array<string | undefined>): string {
  const joined = parts
    .filter((p): p is string => p !== undefined && p !== '')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/');
  return `/${joined}`;
}

/**
 * A host pattern (`':tenant.example.com'`) as a RegExp with one named group per `:param`; exact
 * hosts and RegExps pass through.
 */
export function hostPatternToRegExp(host: string | RegExp): string | RegExp {
  if (host instanceof RegExp || !host.includes(':')) return host;
  const source = host
    .split('.')
    .map((label) => (label.startsWith(':') ? `(?<${label.slice(1)}>[^.]+)` : label.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')))
    .join('\\.');
  return new RegExp(`^${source}$`);
}

import type { PathPattern } from './path-pattern';
import type { RouteShape } from './route-path-shape';

/**
 * How a middleware path relates to the requests a route receives: it matches all of them, none of
 * them, or some (then the path is tested per request). `always` and `never` must be certain: when
 * in doubt, `maybe`.
 */
export type Relation = 'always' | 'never' | 'maybe';

export function relatePath(route: RouteShape, pattern: PathPattern): Relation {
  if (pattern.matchesEverything) return 'always';
  if (route.isStatic) return relateStaticPath(route.path, pattern);
  if (contradicts(route, pattern)) return 'never';
  if (covers(route, pattern)) return 'always';
  return 'maybe';
}

/** A static route is reached with or without a trailing slash: the pattern decides for both. */
function relateStaticPath(path: string, pattern: PathPattern): Relation {
  const plain = pattern.regex.test(path);
  const slashed = pattern.regex.test(path === '/' ? path : `${path}/`);
  if (plain && slashed) return 'always';
  return plain || slashed ? 'maybe' : 'never';
}

/** True when no path of the route can match: a literal differs at a fixed position, or the lengths cannot agree. */
function contradicts(route: RouteShape, pattern: PathPattern): boolean {
  const common = Math.min(route.segments.length, pattern.segments.length);
  for (let i = 0; i < common; i++) {
    const wanted = pattern.segments[i];
    const actual = route.segments[i];
    if (wanted.kind === 'other') {
      if (pattern.aligned) continue;
      break; // it may span segments: later positions are not comparable
    }
    if (actual.kind !== 'literal') continue;
    if (wanted.kind === 'literal' && wanted.text !== actual.text) return true;
    if (wanted.kind === 'param' && wanted.constraint !== undefined && !wanted.constraint.test(actual.text)) return true;
  }
  if (!pattern.aligned) return false;
  const routeMin = route.segments.length;
  const routeMax = route.tail === 'none' ? routeMin : route.tail === 'optional-segment' ? routeMin + 1 : Infinity;
  const patternMin = pattern.segments.length + (pattern.tail === 'rest-required' ? 1 : 0);
  const patternMax = pattern.tail === 'none' ? pattern.segments.length : pattern.tail === 'optional-segment' ? pattern.segments.length + 1 : Infinity;
  return routeMax < patternMin || patternMax < routeMin;
}

/** True when every path of the route matches: same literals, a pattern param over any one segment, a tail that takes the rest. */
function covers(route: RouteShape, pattern: PathPattern): boolean {
  if (!pattern.aligned) return false;
  const count = pattern.segments.length;
  if (route.segments.length < count) return false;
  for (let i = 0; i < count; i++) {
    const wanted = pattern.segments[i];
    const actual = route.segments[i];
    if (wanted.kind === 'other' || (wanted.kind === 'param' && wanted.constraint !== undefined)) return false;
    if (wanted.kind === 'literal' && (actual.kind !== 'literal' || actual.text !== wanted.text)) return false;
  }
  const extra = route.segments.length - count;
  switch (pattern.tail) {
    case 'none':
      return extra === 0 && route.tail === 'none';
    case 'optional-segment':
      return (extra === 0 && route.tail !== 'rest') || (extra === 1 && route.tail === 'none');
    case 'rest-optional':
      return true;
    case 'rest-after-slash':
    case 'rest-required':
      // A route that always has one more segment always supplies the slash and the characters.
      return extra >= 1;
  }
}

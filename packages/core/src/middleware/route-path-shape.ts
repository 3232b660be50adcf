/** A route's path (find-my-way syntax, as in `RouteDefinition.path`) cut into segments. */
export interface RouteShape {
  readonly path: string;
  /** No parameter and no wildcard: exactly one path (give or take a trailing slash and case). */
  readonly isStatic: boolean;
  readonly segments: readonly RouteSegment[];
  /** `:id?` last (one more segment or none), `*` last (anything, possibly nothing). */
  readonly tail: 'none' | 'optional-segment' | 'rest';
}

export type RouteSegment = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'param' } | { readonly kind: 'other' };

const PARAM = /^:[\w$]+(\(.*\))?$/;
const OPTIONAL_PARAM = /^:[\w$]+\?$/;

export function routeShapeOf(path: string): RouteShape {
  const pieces = path.split('/').filter((piece) => piece !== '');
  const segments: RouteSegment[] = [];
  let tail: RouteShape['tail'] = 'none';
  pieces.forEach((piece, index) => {
    const last = index === pieces.length - 1;
    if (last && piece === '*') tail = 'rest';
    else if (last && OPTIONAL_PARAM.test(piece)) tail = 'optional-segment';
    else if (PARAM.test(piece)) segments.push({ kind: 'param' });
    else if (!piece.includes(':') && !piece.includes('*')) segments.push({ kind: 'literal', text: piece.toLowerCase() });
    // `:from-:to`, `file.:ext`, escaped colons: one segment, but not comparable at boot.
    else segments.push({ kind: 'other' });
  });
  return { path, isStatic: !path.includes(':') && !path.includes('*'), segments, tail };
}

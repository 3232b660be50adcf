import { compilePathPattern } from '../../src/middleware/path-pattern';
import { relatePath, type Relation } from '../../src/middleware/path-relation';
import { routeShapeOf } from '../../src/middleware/route-path-shape';

const relation = (routePath: string, pattern: string): Relation => relatePath(routeShapeOf(routePath), compilePathPattern(pattern));

/** Concrete request paths that reach a route (find-my-way syntax), with trailing-slash and case variants. */
function samplePaths(routePath: string): string[] {
  const values = ['1', 'cats', 'toys', 'special', 'x.json', 'api'];
  let paths = [''];
  for (const piece of routePath.split('/').filter((p) => p !== '')) {
    if (piece === '*') paths = paths.flatMap((p) => [`${p}/`, ...values.map((v) => `${p}/${v}`), `${p}/a/b`]);
    else if (/^:\w+\?$/.test(piece)) paths = paths.flatMap((p) => [p, ...values.map((v) => `${p}/${v}`)]);
    else if (piece.startsWith(':')) paths = paths.flatMap((p) => values.map((v) => `${p}/${v}`));
    else paths = paths.map((p) => `${p}/${piece}`);
  }
  paths = paths.map((p) => (p === '' ? '/' : p));
  return [...new Set(paths.flatMap((p) => [p, p.endsWith('/') ? p : `${p}/`, p.toUpperCase()]))];
}

const ROUTES = ['/', '/cats', '/cats/:id', '/cats/:id/toys', '/cats/:id?', '/files/*', '/api/cats', '/api/cats/:id', '/api/v1/cats/:id', '/:slug', '/cats/:id(\\d+)'];
const PATTERNS = [
  '*', 'cats', '/cats/', 'cats/:id', 'cats/special', 'cats/*', 'cats/(.*)', 'cats/*splat', 'cats{/*splat}', 'cats{/:id}', 'cats/:id/toys',
  'cats/:id(\\d+)', 'dogs', 'files/:name', 'files/*', 'api/*', '/api/{*path}', 'api', '/', 'a/*/toys', ':any/toys', 'cats/:id.json',
];

describe('boot-time relation between a route and a middleware path', () => {
  it.each([
    ['/cats', 'cats', 'always'],
    ['/cats', 'CATS/', 'always'],
    ['/cats', 'dogs', 'never'],
    ['/cats/:id', 'cats/:id', 'always'],
    ['/cats/:id', 'cats/:other', 'always'],
    ['/cats/:id', 'cats/*', 'always'],
    ['/cats/:id', 'cats/*splat', 'always'],
    ['/cats/:id', '*', 'always'],
    ['/cats/:id', 'cats/special', 'maybe'],
    ['/cats/:id', 'cats', 'never'],
    ['/cats/:id', 'dogs/:id', 'never'],
    ['/cats/:id', 'cats/:id/toys', 'never'],
    ['/cats/:id', 'cats/:id(\\d+)', 'maybe'],
    ['/cats', 'cats/*', 'maybe'], // only `/cats/` (trailing slash) matches
    ['/cats', 'cats/*splat', 'never'],
    ['/cats', 'cats{/*splat}', 'always'],
    ['/cats/:id?', 'cats{/:id}', 'always'],
    ['/cats/:id?', 'cats/:id', 'maybe'],
    ['/files/*', 'files/:name', 'maybe'],
    ['/files/*', 'cats', 'never'],
    ['/:slug', 'cats', 'maybe'],
    ['/api/v1/cats/:id', '/api/{*path}', 'always'],
  ] as const)('route %s vs middleware path %s: %s', (route, pattern, expected) => {
    expect(relation(route, pattern)).toBe(expected);
  });

  it('is never wrong when it decides: "always" matches every request of the route, "never" none', () => {
    for (const route of ROUTES) {
      const paths = samplePaths(route);
      for (const pattern of PATTERNS) {
        const { regex } = compilePathPattern(pattern);
        const matched = paths.filter((path) => regex.test(path));
        const decided = relation(route, pattern);
        const context = `${route} vs ${pattern} (${decided}): matched ${matched.length} of ${paths.length}`;
        if (decided === 'always') expect(context).toBe(`${route} vs ${pattern} (always): matched ${paths.length} of ${paths.length}`);
        if (decided === 'never') expect(context).toBe(`${route} vs ${pattern} (never): matched 0 of ${paths.length}`);
      }
    }
  });
});

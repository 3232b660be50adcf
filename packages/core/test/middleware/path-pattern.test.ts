import { compilePathPattern, normalizeLegacySyntax } from '../../src/middleware/path-pattern';

/** Which of `paths` the middleware path matches. */
function matching(pattern: string, paths: string[]): string[] {
  const { regex } = compilePathPattern(pattern);
  return paths.filter((path) => regex.test(path));
}

describe('middleware path patterns', () => {
  it('matches a plain path exactly, case-insensitively, with or without a trailing slash', () => {
    expect(matching('cats', ['/cats', '/cats/', '/CATS', '/cats/1', '/catsy', '/dogs'])).toEqual(['/cats', '/cats/', '/CATS']);
    expect(matching('/cats/', ['/cats', '/cats/1'])).toEqual(['/cats']);
  });

  it('matches one segment per parameter, and honours a parameter pattern', () => {
    expect(matching('cats/:id', ['/cats', '/cats/1', '/cats/1/', '/cats/1/toys'])).toEqual(['/cats/1', '/cats/1/']);
    expect(matching('cats/:id(\\d+)', ['/cats/12', '/cats/tom'])).toEqual(['/cats/12']);
    expect(matching('files/:name.:ext', ['/files/a.txt', '/files/a'])).toEqual(['/files/a.txt']);
  });

  it('treats the legacy trailing `*` and `(.*)` as NestJS 11 does: a slash, then anything', () => {
    const paths = ['/cats', '/cats/', '/cats/1', '/cats/1/toys', '/catsy'];
    expect(matching('cats/*', paths)).toEqual(['/cats/', '/cats/1', '/cats/1/toys']);
    expect(matching('cats/(.*)', paths)).toEqual(['/cats/', '/cats/1', '/cats/1/toys']);
    expect(matching('cats/{*splat}', paths)).toEqual(['/cats/', '/cats/1', '/cats/1/toys']);
  });

  it('requires at least one character for a named wildcard, and makes a braced one optional', () => {
    const paths = ['/cats', '/cats/', '/cats/1', '/cats/1/toys'];
    expect(matching('cats/*splat', paths)).toEqual(['/cats/1', '/cats/1/toys']);
    expect(matching('cats{/*splat}', paths)).toEqual(paths);
  });

  it('matches every path for `*`, `/*`, `(.*)`, `/{*path}`', () => {
    for (const pattern of ['*', '/*', '(.*)', '/(.*)', '/{*path}']) {
      const compiled = compilePathPattern(pattern);
      expect(compiled.matchesEverything).toBe(true);
      expect(matching(pattern, ['/', '/a', '/a/b/c'])).toEqual(['/', '/a', '/a/b/c']);
    }
  });

  it('supports optional segments in both syntaxes', () => {
    const paths = ['/cats', '/cats/1', '/cats/1/2'];
    expect(matching('cats{/:id}', paths)).toEqual(['/cats', '/cats/1']);
    expect(matching('cats/:id?', paths)).toEqual(['/cats', '/cats/1']);
  });

  it('turns a mid-path `*` segment into a wildcard of one or more characters', () => {
    expect(normalizeLegacySyntax('a/*/b')).toBe('/a/*path/b');
    expect(matching('a/*/b', ['/a/x/b', '/a/x/y/b', '/a/b', '/a//b'])).toEqual(['/a/x/b', '/a/x/y/b']);
  });

  it('takes regex characters of literal paths literally', () => {
    expect(matching('v1.0/items', ['/v1.0/items', '/v1x0/items'])).toEqual(['/v1.0/items']);
    expect(matching('a\\*b', ['/a*b', '/ab'])).toEqual(['/a*b']);
  });

  it('describes its segments for boot-time matching', () => {
    expect(compilePathPattern('cats/:id').segments).toEqual([{ kind: 'literal', text: 'cats' }, { kind: 'param' }]);
    expect(compilePathPattern('Cats').segments).toEqual([{ kind: 'literal', text: 'cats' }]);
    expect(compilePathPattern('cats/*').tail).toBe('rest-after-slash');
    expect(compilePathPattern('cats{/*rest}').tail).toBe('rest-optional');
    expect(compilePathPattern('cats/*rest').tail).toBe('rest-required');
    expect(compilePathPattern('cats{/:id}').tail).toBe('optional-segment');
    expect(compilePathPattern('a/*/b').aligned).toBe(false);
    expect(compilePathPattern('/').segments).toEqual([]);
  });

  it('reports unbalanced syntax at startup', () => {
    expect(() => compilePathPattern('cats{/:id')).toThrow('"{" is never closed');
    expect(() => compilePathPattern('cats/:id(\\d+')).toThrow('"(" is never closed');
  });
});

import { hostPatternToRegExp, joinPaths, translatePath } from '../../src/router/path-syntax';

describe('path syntax', () => {
  it('joins pieces with single slashes and no trailing slash', () => {
    expect(joinPaths('/api/', '', '/cats/', ':id')).toBe('/api/cats/:id');
    expect(joinPaths('/', '/')).toBe('/');
    expect(joinPaths(undefined, 'v1', 'cats')).toBe('/v1/cats');
  });

  it('translates NestJS 11 optional segments and wildcards to find-my-way syntax', () => {
    expect(translatePath('/cats{/:id}')).toEqual({ path: '/cats/:id?', wildcardName: undefined });
    expect(translatePath('/files/*path')).toEqual({ path: '/files/*', wildcardName: 'path' });
    expect(translatePath('/files/{*rest}')).toEqual({ path: '/files/*', wildcardName: 'rest' });
    expect(translatePath('/assets/(.*)')).toEqual({ path: '/assets/*', wildcardName: undefined });
    expect(translatePath('/users/:id(^\\d+)')).toEqual({ path: '/users/:id(^\\d+)', wildcardName: undefined });
  });

  it('turns host patterns with params into RegExps with named groups', () => {
    const pattern = hostPatternToRegExp(':tenant.example.com') as RegExp;
    expect(pattern.exec('acme.example.com')?.groups).toEqual({ tenant: 'acme' });
    expect(pattern.test('acme.example.org')).toBe(false);
    expect(pattern.test('a.b.example.com')).toBe(false);
    expect(hostPatternToRegExp('api.example.com')).toBe('api.example.com');
  });
});

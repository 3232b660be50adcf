import { RequestMethod } from '../../src/decorators/request-method';
import { targetsOf, type MiddlewarePathOptions, type MiddlewareTarget } from '../../src/middleware/route-targets';
import { VersioningType } from '../../src/router/versioning';

class CatsController {}

/** `METHOD source` per target, for readable expectations. */
function described(targets: MiddlewareTarget[]): string[] {
  return targets.map((target) => (target.kind === 'controller' ? `controller ${target.controller.name}` : `${target.method ?? 'ALL'} ${target.pattern.source}`));
}

const forRoutes = (options: MiddlewarePathOptions, ...entries: Parameters<typeof targetsOf>[0]) => described(targetsOf(entries, options, 'forRoutes'));
const exclude = (options: MiddlewarePathOptions, ...entries: Parameters<typeof targetsOf>[0]) => described(targetsOf(entries, options, 'exclude'));

describe('forRoutes()/exclude() targets', () => {
  it('reads paths, routes with a method, and controller classes', () => {
    expect(forRoutes({}, 'cats', { path: 'dogs/:id', method: RequestMethod.GET }, { path: 'all', method: RequestMethod.ALL }, CatsController)).toEqual([
      'ALL /cats',
      'GET /dogs/:id',
      'ALL /all',
      'controller CatsController',
    ]);
  });

  it('adds the global prefix to paths, except those excluded from it', () => {
    const options = { globalPrefix: 'api', globalPrefixExclude: ['health', { path: 'status', method: RequestMethod.GET }] };
    expect(forRoutes(options, 'cats', 'health', { path: 'status', method: RequestMethod.GET }, { path: 'status', method: RequestMethod.POST })).toEqual([
      'ALL /api/cats',
      'ALL /health',
      'GET /status',
      'POST /api/status',
    ]);
    // Bound to every method of a path only GET excludes: both variants.
    expect(forRoutes(options, 'status')).toEqual(['ALL /status', 'ALL /api/status']);
  });

  it('extends a wildcard under a prefix to the prefix itself, below it, and to the paths excluded from the prefix', () => {
    const options = { globalPrefix: '/api/', globalPrefixExclude: ['health'] };
    expect(forRoutes(options, '*')).toEqual(['ALL /api', 'ALL /api/{*path}', 'ALL /health']);
    expect(forRoutes(options, '(.*)')).toEqual(['ALL /api', 'ALL /api/{*path}', 'ALL /health']);
    expect(forRoutes({}, '*')).toEqual(['ALL /{*path}']);
  });

  it('prefixes excluded paths like bound ones, but leaves an excluded wildcard as written', () => {
    expect(exclude({ globalPrefix: 'api' }, 'cats', { path: 'cats/:id', method: RequestMethod.DELETE }, '*')).toEqual([
      'ALL /api/cats',
      'DELETE /api/cats/:id',
      'ALL /{*path}',
    ]);
  });

  it('adds the version segment of a route that names its version, under URI versioning only', () => {
    const uri = { globalPrefix: 'api', versioning: { type: VersioningType.URI } as const };
    expect(forRoutes(uri, { path: 'cats', method: RequestMethod.GET, version: ['1', '2'] }, 'dogs')).toEqual(['GET /api/v1/cats', 'GET /api/v2/cats', 'ALL /api/dogs']);
    expect(forRoutes({ versioning: { type: VersioningType.URI, prefix: false } }, { path: 'cats', version: '3' })).toEqual(['ALL /3/cats']);
    expect(forRoutes({ versioning: { type: VersioningType.HEADER, header: 'v' } }, { path: 'cats', version: '1' })).toEqual(['ALL /cats']);
  });

  it('rejects what is not a route', () => {
    expect(() => targetsOf([CatsController], {}, 'exclude')).toThrow('exclude() takes paths or { path, method } routes, not a class (CatsController)');
    expect(() => targetsOf([42 as never], {}, 'forRoutes')).toThrow('forRoutes() takes paths, { path, method } routes or controller classes; received 42');
  });
});

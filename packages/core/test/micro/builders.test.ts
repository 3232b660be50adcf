import { MethodRouter, get, scope } from '../../src';
import { joinPath } from '../../src/micro/join-path';
import { parseListenTarget } from '../../src/micro/listen-target';

describe('joinPath', () => {
  it('joins prefixes and paths whatever their slashes', () => {
    expect(joinPath('/api/', 'v1', '/users/')).toBe('/api/v1/users');
    expect(joinPath('/api', '/')).toBe('/api');
    expect(joinPath('', '')).toBe('/');
    expect(joinPath('//a//', ':id', '*')).toBe('/a/:id/*');
  });
});

describe('parseListenTarget', () => {
  it('reads host:port strings, bare ports and objects', () => {
    expect(parseListenTarget('0.0.0.0:8080')).toEqual({ port: 8080, host: '0.0.0.0' });
    expect(parseListenTarget('[::1]:8080')).toEqual({ port: 8080, host: '::1' });
    expect(parseListenTarget(':8080')).toEqual({ port: 8080, host: undefined });
    expect(parseListenTarget('8080')).toEqual({ port: 8080 });
    expect(parseListenTarget(0)).toEqual({ port: 0 });
    expect(parseListenTarget({ port: 3000, host: '127.0.0.1', workers: 'auto' })).toEqual({ port: 3000, host: '127.0.0.1', workers: 'auto' });
  });

  it('refuses what is not a listen target', () => {
    expect(() => parseListenTarget('localhost')).toThrow(/'host:port', ':port' or a port number/);
    expect(() => parseListenTarget('localhost:http')).toThrow(/port must be a number/);
    expect(() => parseListenTarget(65536)).toThrow(/0 to 65535/);
    expect(() => parseListenTarget(1.5)).toThrow(/0 to 65535/);
    expect(() => parseListenTarget({ port: 1, workers: -1 })).toThrow(/'auto' or a positive integer/);
    expect(() => parseListenTarget(null as never)).toThrow(/got null/);
  });
});

describe('route builders', () => {
  it('chain methods on one path and refuse a method given twice', () => {
    const router = get(() => 1).post(() => 2).delete(() => 3).method('search', () => 4);
    expect(router.entries.map((entry) => entry.method)).toEqual(['GET', 'POST', 'DELETE', 'SEARCH']);
    expect(() => router.get(() => 5)).toThrow(/already has a GET handler/);
    expect(() => new MethodRouter().any(() => 1).any(() => 2)).toThrow(/already has an any\(\) handler/);
  });

  it('refuse handlers and routes that are not what they should be', () => {
    expect(() => get('hello' as never)).toThrow(/get\(\): the handler must be a function, got string/);
    expect(() => scope('/x').route('/y', {} as never)).toThrow(/expected handlers built with get\(\)/);
    expect(() => scope('/x').route('/y', new MethodRouter())).toThrow(/has no handler/);
    expect(() => scope(42 as never)).toThrow(/prefix must be a string/);
  });

  it('refuse a scope nested inside itself', () => {
    const outer = scope('/a');
    const inner = scope('/b');
    outer.service(inner);
    expect(() => inner.service(outer)).toThrow(/cannot be nested inside itself/);
    expect(() => outer.service(outer)).toThrow(/cannot be nested inside itself/);
  });
});

import FindMyWay from 'find-my-way';
import type { HTTPMethod } from 'find-my-way';
import { RouteTable } from '../../src/router/route-table';
import type { RouteHandle } from '../../src/router/route-handle';

// RouteTable answers plain static paths from a hash map before walking find-my-way's tree. These
// tests hold it to find-my-way's own answer (same options) for paths that could tell them apart.

const handle = (name: string): RouteHandle & { name: string } => ({
  name,
  needs: { allHeaders: false, headerNames: [], body: false, ip: false },
  run: () => undefined,
});

const ROUTES: Array<[string, string]> = [
  ['GET', '/'],
  ['GET', '/plaintext'],
  ['GET', '/Mixed/Case'],
  ['GET', '/users'],
  ['GET', '/users/me'],
  ['GET', '/users/:id'],
  ['GET', '/files/*'],
  ['GET', '/v1.2/report_final~draft-3'],
  ['POST', '/users'],
  ['GET', '/trailing/'],
];

const REQUESTS = [
  '/', '/plaintext', '/PlainText', '/plaintext/', '//plaintext', '/plain%74ext', '/mixed/case', '/Mixed/Case',
  '/MIXED/CASE', '/users', '/users/', '/users/me', '/users/Me', '/users/42', '/users//me', '/files/a/b.txt',
  '/v1.2/report_final~draft-3', '/V1.2/report_final~draft-3', '/trailing', '/trailing/', '/nope', '/users/me/',
];

function reference(caseSensitive: boolean, ignoreTrailingSlash: boolean) {
  const router = FindMyWay({ caseSensitive, ignoreTrailingSlash, ignoreDuplicateSlashes: true, maxParamLength: 2048 });
  const table = new RouteTable({ caseSensitive, ignoreTrailingSlash });
  for (const [method, path] of ROUTES) {
    const routeHandle = handle(`${method} ${path}`);
    router.on(method as HTTPMethod, path, () => undefined, routeHandle as never);
    table.add(method, path, routeHandle, routeHandle.name);
  }
  return { router, table };
}

describe.each([
  [false, true],
  [true, true],
  [false, false],
  [true, false],
])('RouteTable static-path map (caseSensitive %s, ignoreTrailingSlash %s)', (caseSensitive, ignoreTrailingSlash) => {
  const { router, table } = reference(caseSensitive, ignoreTrailingSlash);

  it.each(REQUESTS.flatMap((path) => [['GET', path], ['POST', path]]))('%s %s matches what find-my-way matches', (method, path) => {
    const expected = router.find(method as HTTPMethod, path);
    const match = table.lookup(method, path);
    if (expected === null) {
      expect(ROUTES.map(([m, p]) => `${m} ${p}`)).not.toContain((match.handle as { name?: string }).name);
    } else {
      expect((match.handle as { name?: string }).name).toBe((expected.store as unknown as { name: string }).name);
      expect(match.params).toEqual(expected.params);
    }
  });
});

describe('RouteTable static-path map', () => {
  it('gives every request its own params object', () => {
    const table = new RouteTable();
    table.add('GET', '/plaintext', handle('plaintext'), 'Bench#plaintext');
    const first = table.lookup('GET', '/plaintext');
    (first.params as Record<string, string>).changed = 'by a middleware';
    expect(table.lookup('GET', '/plaintext').params).toEqual({});
  });

  it('leaves host-constrained tables to find-my-way', () => {
    const table = new RouteTable();
    const tenant = handle('tenant');
    const plain = handle('plain');
    table.add('GET', '/home', plain, 'Plain#home');
    table.add('GET', '/home', tenant, 'Tenant#home', 'acme.example.com');
    expect(table.lookup('GET', '/home', 'acme.example.com').handle).toBe(tenant);
    expect(table.lookup('GET', '/home', 'other.example.com').handle).toBe(plain);
  });
});

import { RouteTable } from '../../src/router/route-table';
import type { RouteHandle } from '../../src/router/route-handle';
import { ArmatureRequest } from '../../src/http/request';
import { RecordingExchange } from '../support/recording-exchange';

const handle = (name: string): RouteHandle & { name: string } => ({
  name,
  needs: { allHeaders: false, headerNames: [], body: false, ip: false },
  run: () => undefined,
});

async function answerOf(table: RouteTable, method: string, url: string) {
  const [path, query = ''] = url.split('?');
  const match = table.lookup(method, path);
  const exchange = new RecordingExchange();
  match.handle.run(new ArmatureRequest(method, path, query, {}, match.params), exchange);
  await exchange.done;
  return exchange;
}

describe('RouteTable', () => {
  it('finds routes with decoded params, case-insensitively, ignoring a trailing slash', () => {
    const table = new RouteTable();
    const users = handle('users');
    table.add('GET', '/users/:id', users, 'UsersController#findOne');
    const match = table.lookup('GET', '/Users/a%20b/');
    expect(match.handle).toBe(users);
    expect(match.params).toEqual({ id: 'a b' });
  });

  it('answers unknown paths with NestJS 404 bodies, query included', async () => {
    const table = new RouteTable();
    table.add('GET', '/cats', handle('cats'), 'CatsController#findAll');
    const answer = await answerOf(table, 'GET', '/dogs?x=1');
    expect(answer.status).toBe(404);
    expect(answer.json()).toEqual({ message: 'Cannot GET /dogs?x=1', error: 'Not Found', statusCode: 404 });
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const table = new RouteTable();
    table.add('GET', '/cats', handle('get'), 'CatsController#findAll');
    table.add('POST', '/cats', handle('post'), 'CatsController#create');
    const answer = await answerOf(table, 'DELETE', '/cats');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
    expect(answer.json()).toEqual({ message: 'Cannot DELETE /cats', error: 'Method Not Allowed', statusCode: 405 });
  });

  it('answers malformed percent-encoding with 400', async () => {
    const table = new RouteTable();
    table.add('GET', '/users/:id', handle('users'), 'UsersController#findOne');
    const answer = await answerOf(table, 'GET', '/users/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('refuses two routes with the same method and path, naming both handlers', () => {
    const table = new RouteTable();
    table.add('GET', '/cats/:id', handle('a'), 'CatsController#findOne');
    expect(() => table.add('GET', '/cats/:catId', handle('b'), 'OtherController#get')).toThrow(
      'Duplicate route GET /cats/:catId: declared by both CatsController#findOne and OtherController#get',
    );
  });

  it('routes by host when a route is host-constrained', () => {
    const table = new RouteTable();
    const tenant = handle('tenant');
    const plain = handle('plain');
    table.add('GET', '/', tenant, 'Tenant#get', /^(?<tenant>[^.]+)\.example\.com$/);
    table.add('GET', '/', plain, 'Plain#get');
    expect(table.hostConstrained).toBe(true);
    expect(table.lookup('GET', '/', 'acme.example.com').handle).toBe(tenant);
    expect(table.lookup('GET', '/', 'localhost').handle).toBe(plain);
  });
});

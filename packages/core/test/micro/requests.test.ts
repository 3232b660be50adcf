import { App, BadRequestException, HttpRequest, Injectable, Module, NotFoundException, PayloadTooLargeException, UndeclaredReadError, defineMiddleware, get, post, scope, t } from '../../src';
import { compile, TableAdapter } from './support';

const microApp = () => App.new({ adapter: () => new TableAdapter(), logger: false });

class Db {
  constructor(readonly name: string) {}
}
class Cache {
  readonly hits = 0;
}

describe('micro routes: what a handler reads', () => {
  it('reads path parameters, the query and headers', async () => {
    const { dispatch } = await compile(
      microApp().route(
        '/users/:id/posts/:post',
        get((req) => ({ id: req.param('id'), post: req.param('post'), all: req.params(), q: req.query('q'), tags: req.query().tag, agent: req.header('User-Agent') }), {
          reads: { headers: ['user-agent'] },
        }),
      ),
    );
    const answer = await dispatch('GET', '/users/7/posts/9?q=x&q=y&tag=a', { headers: { 'user-agent': 'jest' } });
    expect(answer.json()).toEqual({ id: '7', post: '9', all: { id: '7', post: '9' }, q: 'x', tags: 'a', agent: 'jest' });
  });

  it('reads a wildcard as req.param("*")', async () => {
    const { dispatch } = await compile(microApp().route('/files/*', get((req) => req.param('*'))));
    expect((await dispatch('GET', '/files/a/b.txt')).body).toBe('a/b.txt');
  });

  it('reads the body as JSON, text or bytes, once, after awaits', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/json', post(async (req) => {
          await new Promise((resolve) => setImmediate(resolve));
          const first = await req.json<{ n: number }>();
          const again = await req.json<{ n: number }>();
          return { n: first.n, same: first === again };
        }))
        .route('/text', post(async (req) => `${(await req.text()).toUpperCase()}:${(await req.body()).length}`)),
    );
    expect((await dispatch('POST', '/json', { body: { n: 3 } })).json()).toEqual({ n: 3, same: true });
    expect((await dispatch('POST', '/text', { body: 'abc', headers: { 'content-type': 'text/plain' } })).body).toBe('ABC:3');
  });

  it('answers malformed JSON with 400, a non-JSON type with 415, a missing body with 400 and an oversized one with 413', async () => {
    const { dispatch } = await compile(microApp().route('/json', post((req) => req.json())));
    const malformed = await dispatch('POST', '/json', { body: '{"a":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((await dispatch('POST', '/json', { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await dispatch('POST', '/json')).status).toBe(400);
    const tooLarge = await dispatch('POST', '/json', { bodyError: new PayloadTooLargeException('too big'), headers: { 'content-type': 'application/json' } });
    expect([tooLarge.status, tooLarge.closeConnection]).toEqual([413, true]);
  });

  it('answers an HttpException with its status and body, anything else with a bare 500', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/missing', get(() => {
          throw new NotFoundException('No such user');
        }))
        .route('/rejected', get(async () => {
          throw new BadRequestException(['name is required']);
        }))
        .route('/crash', get(() => {
          throw new Error('database password is hunter2');
        }))
        .route('/cycle', get(() => {
          const value: Record<string, unknown> = {};
          value.self = value;
          return value;
        })),
    );
    expect((await dispatch('GET', '/missing')).json()).toEqual({ statusCode: 404, message: 'No such user', error: 'Not Found' });
    expect((await dispatch('GET', '/rejected')).json()).toEqual({ statusCode: 400, message: ['name is required'], error: 'Bad Request' });
    for (const path of ['/crash', '/cycle']) {
      const crash = await dispatch('GET', path);
      expect(crash.status).toBe(500);
      expect(crash.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
    }
  });
});

describe('micro routes: reads they did not declare', () => {
  it('throws an error naming the route and the option to add, answered as a logged 500', async () => {
    const errors: unknown[] = [];
    const capture = (fn: (req: HttpRequest) => unknown) => (req: HttpRequest) => {
      try {
        return fn(req);
      } catch (error) {
        errors.push(error);
        throw error;
      }
    };
    const { dispatch } = await compile(
      microApp()
        .route('/header', get(capture((req) => req.header('Authorization'))))
        .route('/ip', get(capture((req) => req.ip)))
        .route('/body', get(async (req) => req.json().catch((error: unknown) => {
          errors.push(error);
          throw error;
        }))),
    );
    for (const path of ['/header', '/ip', '/body']) {
      const answer = await dispatch('GET', path, { headers: { authorization: 'Bearer x' } });
      expect(answer.status).toBe(500);
    }
    expect(errors.map((error) => (error as Error).message)).toEqual([
      expect.stringMatching(/^GET \/header read the header 'authorization', which it did not declare: .* Add reads: \{ headers: \['authorization'\] \} \(or 'all'\)/),
      expect.stringMatching(/^GET \/ip read the remote address \(req\.ip\), .* Add reads: \{ ip: true \}/),
      expect.stringMatching(/^GET \/body read the request body, .* Add reads: \{ body: true \}/),
    ]);
    expect(errors.every((error) => error instanceof UndeclaredReadError)).toBe(true);
  });

  it('allows what the route, its headers schema and its middleware declared', async () => {
    const mw = defineMiddleware((req, next) => (req.header('x-mw') === undefined ? next() : next()), { headers: ['x-mw'] });
    const { dispatch } = await compile(
      microApp()
        .wrap(mw)
        .route('/ok', get((req) => ({ a: req.header('x-a') ?? null, mw: req.header('X-MW') ?? null, tenant: req.header('x-tenant') ?? null }), {
          reads: { headers: ['X-A'] },
          schema: { headers: t.Object({ 'x-tenant': t.Optional(t.String()) }) },
        }))
        .route('/all', get((req) => req.header('anything') ?? 'none', { reads: { headers: 'all' } })),
    );
    expect((await dispatch('GET', '/ok', { headers: { 'x-a': '1', 'x-mw': '2', 'x-tenant': 't' } })).json()).toEqual({ a: '1', mw: '2', tenant: 't' });
    expect((await dispatch('GET', '/all', { headers: { anything: 'yes' } })).body).toBe('yes');
  });
});

describe('micro routes: shared data', () => {
  it('finds .data(value) by its class and .data(key, value) by its key; inner scopes win', async () => {
    const { dispatch } = await compile(
      microApp()
        .data(new Db('app'))
        .data('greeting', 'hello')
        .route('/app', get((req) => ({ db: req.data(Db).name, greeting: req.data<string>('greeting') })))
        .service(
          scope('/inner')
            .data(new Db('inner'))
            .route('/', get((req) => req.data(Db).name))
            .service(scope('/deeper').route('/', get((req) => `${req.data(Db).name}:${req.data<string>('greeting')}`))),
        ),
    );
    expect((await dispatch('GET', '/app')).json()).toEqual({ db: 'app', greeting: 'hello' });
    expect((await dispatch('GET', '/inner')).body).toBe('inner');
    expect((await dispatch('GET', '/inner/deeper')).body).toBe('inner:hello');
  });

  it('refuses a value without a class to key it by, with a hint', () => {
    expect(() => microApp().data({ a: 1 })).toThrow(/plain object has none: pass a key/);
    expect(() => scope('/x').data(42 as unknown as object)).toThrow(/a number has none/);
    expect(() => microApp().data(3 as unknown as string, 'x')).toThrow(/key must be a class, a string or a symbol/);
  });

  it('falls back to the DI container, resolving each key once per route', async () => {
    let created = 0;
    @Injectable()
    class Clock {
      constructor() {
        created++;
      }
      now() {
        return 1234;
      }
    }
    @Module({ providers: [Clock], exports: [Clock] })
    class ClockModule {}
    const compiled = await compile(microApp().module(ClockModule).route('/now', get((req) => req.data(Clock).now())));
    const container = compiled.application as unknown as { get: (token: unknown) => unknown };
    const realGet = container.get.bind(container);
    let lookups = 0;
    container.get = (token) => {
      lookups++;
      return realGet(token);
    };
    for (let i = 0; i < 3; i++) expect((await compiled.dispatch('GET', '/now')).body).toBe('1234');
    expect(created).toBe(1);
    expect(lookups).toBe(1);
  });

  it('answers 500 (logged) when a key is neither data nor a provider', async () => {
    const { dispatch } = await compile(microApp().route('/x', get((req) => req.data(Cache).hits)));
    expect((await dispatch('GET', '/x')).status).toBe(500);
  });
});

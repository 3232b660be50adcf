import { App, HttpResponse, UnauthorizedException, any, defineMiddleware, get, post, put, scope, t, type HttpMiddleware } from '../../src';
import { compile, TableAdapter } from './support';

const microApp = () => App.new({ adapter: () => new TableAdapter(), logger: false });

/** Logs its name on the way in and out, and tags the response. */
function tracer(name: string, log: string[]): HttpMiddleware {
  return async (req, next) => {
    log.push(`${name} in`);
    const response = await next();
    log.push(`${name} out`);
    return response.appendHeader('x-trace', name);
  };
}

describe('micro middleware', () => {
  it('runs as an onion: app, then outer scope, inner scope, route, handler options', async () => {
    const log: string[] = [];
    const { dispatch } = await compile(
      microApp()
        .wrap(tracer('app', log))
        .service(
          scope('/outer')
            .wrap(tracer('outer', log))
            .service(
              scope('/inner')
                .wrap(tracer('inner', log))
                .route('/x', get(() => {
                  log.push('handler');
                  return { ok: true };
                }, { wrap: [tracer('handler-option', log)] }).wrap(tracer('route', log))),
            ),
        ),
    );
    const answer = await dispatch('GET', '/outer/inner/x');
    expect(answer.json()).toEqual({ ok: true });
    expect(log).toEqual([
      'app in', 'outer in', 'inner in', 'route in', 'handler-option in', 'handler',
      'handler-option out', 'route out', 'inner out', 'outer out', 'app out',
    ]);
    expect(answer.headers['x-trace']).toBe('handler-option, route, inner, outer, app');
  });

  it('lets a middleware answer by itself: the handler never runs', async () => {
    let ran = false;
    const auth: HttpMiddleware = (req, next) => (req.header('authorization') === 'Bearer ok' ? next() : HttpResponse.json({ denied: true }, 401));
    const { dispatch } = await compile(
      microApp().service(scope('/api').wrap(auth).route('/me', get(() => {
        ran = true;
        return { me: 1 };
      }))),
    );
    const denied = await dispatch('GET', '/api/me');
    expect([denied.status, denied.json(), ran]).toEqual([401, { denied: true }, false]);
    const allowed = await dispatch('GET', '/api/me', { headers: { authorization: 'Bearer ok' } });
    expect([allowed.status, allowed.json(), ran]).toEqual([200, { me: 1 }, true]);
  });

  it('hands errors below to the middleware as error responses, with the exception attached', async () => {
    const seen: unknown[] = [];
    const watcher: HttpMiddleware = async (_req, next) => {
      const response = await next();
      seen.push(response.error);
      return response.header('x-watched', String(response.status));
    };
    const { dispatch } = await compile(
      microApp()
        .wrap(watcher)
        .route('/denied', get(() => {
          throw new UnauthorizedException();
        }))
        .route('/crash', get(async () => {
          throw new Error('secret');
        })),
    );
    const denied = await dispatch('GET', '/denied');
    expect([denied.status, denied.headers['x-watched']]).toEqual([401, '401']);
    expect(seen[0]).toBeInstanceOf(UnauthorizedException);
    const crash = await dispatch('GET', '/crash');
    expect([crash.status, crash.headers['x-watched'], String(crash.body).includes('secret')]).toEqual([500, '500', false]);
  });

  it('shares one HttpRequest between middleware and handler: locals, id and the body', async () => {
    const setUser: HttpMiddleware = async (req, next) => {
      req.locals.user = 'ada';
      req.id = 'req-1';
      const body = await req.json<{ n: number }>();
      return (await next()).header('x-n', body.n);
    };
    const { dispatch } = await compile(
      microApp().wrap(setUser).route('/who', post(async (req) => ({ user: req.locals.user, id: req.id, body: await req.json() }))),
    );
    const answer = await dispatch('POST', '/who', { body: { n: 5 } });
    expect(answer.json()).toEqual({ user: 'ada', id: 'req-1', body: { n: 5 } });
    expect(answer.headers['x-n']).toBe('5');
  });

  it('wraps 404 and 405 answers with app middleware, and gives middleware a plain value as a response it can change', async () => {
    const { dispatch } = await compile(
      microApp()
        .wrap(async (_req, next) => (await next()).header('x-app', 'yes'))
        .route('/value', get(() => ({ v: 1 })))
        .route('/text', post(() => 'made')),
    );
    const missing = await dispatch('GET', '/nowhere');
    expect([missing.status, missing.headers['x-app']]).toEqual([404, 'yes']);
    const wrong = await dispatch('PUT', '/value');
    expect([wrong.status, wrong.headers['x-app'], wrong.headers.allow]).toEqual([405, 'yes', 'GET, HEAD']);
    const value = await dispatch('GET', '/value');
    expect([value.status, value.headers['content-type'], value.headers['x-app'], value.json()]).toEqual([200, 'application/json; charset=utf-8', 'yes', { v: 1 }]);
    const text = await dispatch('POST', '/text');
    expect([text.status, text.headers['content-type'], text.body]).toEqual([201, 'text/plain; charset=utf-8', 'made']);
  });

  it('keeps a middleware header change on one response from leaking into the next', async () => {
    const { dispatch } = await compile(microApp().wrap(async (_req, next) => (await next()).appendHeader('x-once', '1')).route('/v', get(() => ({}))));
    await dispatch('GET', '/v');
    expect((await dispatch('GET', '/v')).headers['x-once']).toBe('1');
  });

  it('answers 500 when a middleware calls next() twice or returns something that is not a response', async () => {
    const { dispatch } = await compile(
      microApp()
        .service(scope('/twice').wrap(async (_req, next) => {
          await next();
          return next();
        }).route('/', get(() => 'x')))
        .service(scope('/bad').wrap((() => 'nope') as unknown as HttpMiddleware).route('/', get(() => 'x'))),
    );
    expect((await dispatch('GET', '/twice')).status).toBe(500);
    expect((await dispatch('GET', '/bad')).status).toBe(500);
  });

  it('refuses what is not middleware when it is given', () => {
    expect(() => microApp().wrap('cors' as unknown as HttpMiddleware)).toThrow(/must be a function/);
    expect(() => scope('/x').wrap(undefined as unknown as HttpMiddleware)).toThrow(/must be a function/);
  });
});

describe('what a micro route asks the adapter to copy', () => {
  const needsOf = async (app: App, method: string, path: string) => (await compile(app)).table.lookup(method, path).handle.needs;
  const BODY_HEADERS = ['content-type', 'content-length', 'transfer-encoding'];

  it('copies nothing for a GET that declares nothing, as a decorator route without parameters', async () => {
    expect(await needsOf(microApp().route('/r', get(() => 1)), 'GET', '/r')).toEqual({ allHeaders: false, headerNames: [], body: false, ip: false });
  });

  it('collects the body (and its framing headers) for POST, PUT, PATCH, DELETE and any()', async () => {
    const app = microApp().route('/r', post(() => 1).put(() => 1).patch(() => 1).delete(() => 1)).route('/a', any(() => 1));
    for (const [method, path] of [['POST', '/r'], ['PUT', '/r'], ['PATCH', '/r'], ['DELETE', '/r'], ['SEARCH', '/a'], ['GET', '/a']]) {
      expect(await needsOf(app, method, path)).toEqual({ allHeaders: false, headerNames: BODY_HEADERS, body: true, ip: false });
    }
  });

  it('follows reads, body schemas and what middleware declare', async () => {
    const mw = defineMiddleware((_req, next) => next(), { headers: ['x-request-id'], ip: true });
    const app = microApp()
      .route('/narrow', get(() => 1, { reads: { headers: ['Authorization'] }, wrap: [mw] }))
      .route('/off', post(() => 1, { reads: { body: false } }))
      .route('/schema', put(() => 1, { reads: { body: false }, schema: { body: t.Object({}) } }))
      .route('/get-body', get(() => 1, { reads: { body: true, ip: true } }))
      .route('/all', get(() => 1, { reads: { headers: 'all' } }));
    expect(await needsOf(app, 'GET', '/narrow')).toEqual({ allHeaders: false, headerNames: ['authorization', 'x-request-id'], body: false, ip: true });
    expect((await needsOf(app, 'POST', '/off')).body).toBe(false);
    expect((await needsOf(app, 'PUT', '/schema')).body).toBe(true);
    expect(await needsOf(app, 'GET', '/get-body')).toEqual({ allHeaders: false, headerNames: BODY_HEADERS, body: true, ip: true });
    expect(await needsOf(app, 'GET', '/all')).toEqual({ allHeaders: true, headerNames: [], body: false, ip: false });
  });

  it('treats an unmarked function as reading everything', async () => {
    const app = microApp().route('/x', get(() => 1, { wrap: [(_req, next) => next()] }));
    expect(await needsOf(app, 'GET', '/x')).toMatchObject({ allHeaders: true, ip: true });
  });
});

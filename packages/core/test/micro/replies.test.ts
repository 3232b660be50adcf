import { Readable } from 'node:stream';
import { App, HttpResponse, StreamableFile, any, del, get, head, options, patch, post, put, scope } from '../../src';
import { compile, TableAdapter } from './support';

const microApp = () => App.new({ adapter: () => new TableAdapter(), logger: false });

describe('micro routes: what a handler returns becomes the response', () => {
  it('sends objects and arrays as JSON with 200', async () => {
    const { dispatch } = await compile(microApp().route('/json', get(() => ({ message: 'hi' }))).route('/list', get(() => [1, 2])));
    const json = await dispatch('GET', '/json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toEqual({ message: 'hi' });
    expect((await dispatch('GET', '/list')).json()).toEqual([1, 2]);
  });

  it('sends strings as text/plain, numbers and booleans as JSON, nothing as an empty body', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/text', get(() => 'hello'))
        .route('/number', get(() => 42))
        .route('/bool', get(() => false))
        .route('/nothing', get(() => undefined))
        .route('/null', get(() => null)),
    );
    const text = await dispatch('GET', '/text');
    expect([text.status, text.headers['content-type'], text.body]).toEqual([200, 'text/plain; charset=utf-8', 'hello']);
    const number = await dispatch('GET', '/number');
    expect([number.headers['content-type'], number.body]).toEqual(['application/json; charset=utf-8', '42']);
    expect((await dispatch('GET', '/bool')).body).toBe('false');
    for (const path of ['/nothing', '/null']) {
      const empty = await dispatch('GET', path);
      expect([empty.status, empty.body, empty.headers['content-type']]).toEqual([200, null, undefined]);
    }
  });

  it('sends Buffers as bytes and streams Readables and StreamableFiles', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/bytes', get(() => Buffer.from([1, 2, 3])))
        .route('/stream', get(() => Readable.from(['a', 'b'])))
        .route('/file', get(() => new StreamableFile(Buffer.from('csv'), { type: 'text/csv', disposition: 'attachment; filename="a.csv"' }))),
    );
    const bytes = await dispatch('GET', '/bytes');
    expect(bytes.headers['content-type']).toBe('application/octet-stream');
    expect(bytes.body).toEqual(Buffer.from([1, 2, 3]));
    const stream = await dispatch('GET', '/stream');
    expect(stream.streamed).toBeDefined();
    expect((await stream.streamed!.toArray()).join('')).toBe('ab');
    const file = await dispatch('GET', '/file');
    expect(file.headers['content-type']).toBe('text/csv');
    expect(file.headers['content-disposition']).toBe('attachment; filename="a.csv"');
  });

  it('answers POST with 201 (as NestJS does) unless the route says otherwise', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/items', post(() => ({ created: true })))
        .route('/echo', post(() => ({ ok: true }), { status: 200 }))
        .route('/accepted', put(() => 'queued', { status: 202 })),
    );
    expect((await dispatch('POST', '/items')).status).toBe(201);
    expect((await dispatch('POST', '/echo')).status).toBe(200);
    expect((await dispatch('PUT', '/accepted')).status).toBe(202);
  });

  it('sends an HttpResponse as built, whatever the route status', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/ok', get(() => HttpResponse.ok()))
        .route('/created', post(() => HttpResponse.json({ id: 1 }, 200).header('x-id', '1')))
        .route('/redirect', get(() => HttpResponse.redirect('/elsewhere', 301)))
        .route('/gone', get(() => HttpResponse.status(410)))
        .route('/async', get(async () => HttpResponse.text('later', 202))),
    );
    expect((await dispatch('GET', '/ok')).status).toBe(200);
    const created = await dispatch('POST', '/created');
    expect([created.status, created.headers['x-id'], created.json()]).toEqual([200, '1', { id: 1 }]);
    const redirect = await dispatch('GET', '/redirect');
    expect([redirect.status, redirect.headers.location]).toEqual([301, '/elsewhere']);
    expect((await dispatch('GET', '/gone')).status).toBe(410);
    const later = await dispatch('GET', '/async');
    expect([later.status, later.body]).toEqual([202, 'later']);
  });

  it('answers a synchronous handler without any promise in between (no middleware: one closure)', async () => {
    const { start } = await compile(microApp().route('/now', get(() => ({ now: true }))));
    const exchange = start('GET', '/now');
    expect(exchange.status).toBe(200); // written before run() returned
  });

  it('registers every method helper, with DELETE as del() and .delete()', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/r', get(() => 'get').post(() => 'post').put(() => 'put').patch(() => 'patch').delete(() => 'delete').options(() => 'options'))
        .route('/d', del(() => 'del'))
        .route('/h', head(() => HttpResponse.ok().header('x-head', 'yes')))
        .route('/o', options(() => 'o'))
        .route('/p', patch(() => 'p')),
    );
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect((await dispatch(method, '/r')).body).toBe(method.toLowerCase());
    expect((await dispatch('DELETE', '/d')).body).toBe('del');
    expect((await dispatch('HEAD', '/h')).headers['x-head']).toBe('yes');
    expect((await dispatch('OPTIONS', '/o')).body).toBe('o');
    expect((await dispatch('PATCH', '/p')).body).toBe('p');
  });

  it('lets GET answer HEAD unless a HEAD handler is given', async () => {
    const { dispatch } = await compile(microApp().route('/page', get(() => 'page')));
    const answer = await dispatch('HEAD', '/page');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('page'); // adapters drop the body of a HEAD answer
  });

  it('any() answers every method with one handler; explicit handlers win', async () => {
    const { dispatch } = await compile(microApp().route('/all', any((req) => req.method).get(() => 'explicit get')));
    expect((await dispatch('GET', '/all')).body).toBe('explicit get');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'SEARCH']) expect((await dispatch(method, '/all')).body).toBe(method);
  });

  it('answers unknown paths with 404 and wrong methods with 405 + Allow, in NestJS shape', async () => {
    const { dispatch } = await compile(microApp().service(scope('/api').route('/users', get(() => [])).route('/users', post(() => ({})))));
    const missing = await dispatch('GET', '/api/nope');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ statusCode: 404, message: 'Cannot GET /api/nope', error: 'Not Found' });
    const wrong = await dispatch('DELETE', '/api/users');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
  });
});

describe('micro routes: a client that went away', () => {
  it('gets nothing written, and a stream it would have received is destroyed', async () => {
    const stream = Readable.from(['never']);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { start } = await compile(microApp().route('/slow', get(async () => {
      await gate;
      return stream;
    })));
    const exchange = start('GET', '/slow');
    exchange.aborted = true;
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(exchange.status).toBeUndefined();
    expect(stream.destroyed).toBe(true);
  });
});

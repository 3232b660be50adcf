import { request } from 'undici';
import { App, Controller, Get, Module, defineMiddleware, get, isSafeRequestId, requestId, type MicroServer } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

@Controller()
class PingController {
  @Get('ping')
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class AppModule {}

/** Shows what `req.id` held for the route (set by requestId, whichever layer reads it). */
const showSeenId = defineMiddleware(async (req, next) => (await next()).header('x-seen-id', req.id ?? 'none'), { headers: [] });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(ADAPTERS)('requestId (%s)', (_adapterName, createAdapter) => {
  let running: RunningApp;
  let custom: RunningApp;

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, (app) => app.use(requestId(), showSeenId));
    custom = await startApp(AppModule, createAdapter, {}, (app) =>
      app.use(requestId({ header: 'X-Correlation-Id', maxLength: 16, generate: () => 'generated-id' }), showSeenId),
    );
  });
  afterAll(async () => {
    await running.close();
    await custom.close();
  });

  it('generates a UUID when the client sends none, sets req.id and echoes it', async () => {
    const res = await request(`${running.url}/ping`);
    expect(res.statusCode).toBe(200);
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(res.headers['x-seen-id']).toBe(id);
    await res.body.dump();
    const again = await request(`${running.url}/ping`);
    expect(again.headers['x-request-id']).not.toBe(id);
    await again.body.dump();
  });

  it('keeps a safe incoming id', async () => {
    for (const incoming of ['abc-123', '01HZX3Q8M6K7T2V9', 'trace:4bf92f3577b34da6/00f067aa0ba902b7', 'dGVzdA==', 'a_b.c@d+e']) {
      const res = await request(`${running.url}/ping`, { headers: { 'x-request-id': incoming } });
      expect(res.headers['x-request-id']).toBe(incoming);
      expect(res.headers['x-seen-id']).toBe(incoming);
      await res.body.dump();
    }
  });

  it('replaces an unsafe or oversized incoming id with a new one', async () => {
    const hostile = ['a'.repeat(129), 'has space', 'quote"d', '<script>', 'semi;colon', 'comma,separated', '%0d%0aSet-Cookie:x=1'];
    for (const incoming of hostile) {
      const res = await request(`${running.url}/ping`, { headers: { 'x-request-id': incoming } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.headers['x-seen-id']).toBe(res.headers['x-request-id']);
      await res.body.dump();
    }
  });

  it('never echoes a repeated header joined into one value', async () => {
    const res = await request(`${running.url}/ping`, { headers: { 'x-request-id': ['one', 'two'] } });
    // Both adapters join repeated lines ("one, two"): not a safe id, so a new one is made.
    expect(res.headers['x-request-id']).toMatch(UUID);
    await res.body.dump();
  });

  it('accepts exactly maxLength characters and no more', async () => {
    const exact = await request(`${running.url}/ping`, { headers: { 'x-request-id': 'b'.repeat(128) } });
    expect(exact.headers['x-request-id']).toBe('b'.repeat(128));
    await exact.body.dump();
    const longer = await request(`${custom.url}/ping`, { headers: { 'x-correlation-id': 'c'.repeat(17) } });
    expect(longer.headers['x-correlation-id']).toBe('generated-id');
    await longer.body.dump();
  });

  it('uses the configured header name and generator', async () => {
    const kept = await request(`${custom.url}/ping`, { headers: { 'x-correlation-id': 'client-7' } });
    expect(kept.headers['x-correlation-id']).toBe('client-7');
    expect(kept.headers['x-request-id']).toBeUndefined();
    await kept.body.dump();
    const made = await request(`${custom.url}/ping`, { headers: { 'x-request-id': 'ignored' } });
    expect(made.headers['x-correlation-id']).toBe('generated-id');
    expect(made.headers['x-seen-id']).toBe('generated-id');
    await made.body.dump();
  });

  it('tags unmatched paths too (404)', async () => {
    const res = await request(`${running.url}/missing`, { headers: { 'x-request-id': 'lost-1' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-request-id']).toBe('lost-1');
    expect(await res.body.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('requestId options', () => {
  it('ignores the client id when trustIncoming is false', async () => {
    const running = await startApp(AppModule, ADAPTERS[0][1], {}, (app) => app.use(requestId({ trustIncoming: false })));
    try {
      const res = await request(`${running.url}/ping`, { headers: { 'x-request-id': 'from-client' } });
      expect(res.headers['x-request-id']).toMatch(UUID);
      await res.body.dump();
    } finally {
      await running.close();
    }
  });

  it('refuses a bad header name or length at startup', () => {
    expect(() => requestId({ header: 'bad header' })).toThrow(/not a valid header name/);
    expect(() => requestId({ maxLength: 0 })).toThrow(/positive integer/);
  });

  it('isSafeRequestId checks length and characters', () => {
    expect(isSafeRequestId('ok-1', 4)).toBe(true);
    expect(isSafeRequestId('ok-12', 4)).toBe(false);
    expect(isSafeRequestId('', 4)).toBe(false);
    expect(isSafeRequestId(undefined, 4)).toBe(false);
    expect(isSafeRequestId('a\nb', 4)).toBe(false);
  });
});

describe.each(ADAPTERS)('requestId in a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  beforeAll(async () => {
    server = await App.new({ adapter: createAdapter, logger: false })
      .wrap(requestId())
      .route('/whoami', get((req) => ({ id: req.id })))
      .run({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('hands the id to the handler and echoes it; a bad incoming id is replaced', async () => {
    const kept = await request(`${server.url}/whoami`, { headers: { 'x-request-id': 'micro-1' } });
    expect(kept.headers['x-request-id']).toBe('micro-1');
    expect(await kept.body.json()).toEqual({ id: 'micro-1' });
    const replaced = await request(`${server.url}/whoami`, { headers: { 'x-request-id': 'bad id\t' } });
    const id = replaced.headers['x-request-id'] as string;
    expect(id).toMatch(UUID);
    expect(await replaced.body.json()).toEqual({ id });
  });
});

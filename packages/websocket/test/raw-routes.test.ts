import { Controller, Get, Module, type WebSocketConnection } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../../../test/support/adapters';
import { TestClient, sleep, wsUrl } from './support/ws-client';

@Controller()
class PageController {
  @Get('echo')
  page(): string {
    return 'plain HTTP on the WebSocket path';
  }
}

@Module({ controllers: [PageController] })
class AppModule {}

const decoder = new TextDecoder();

describe.each(ADAPTERS)('app.ws() raw routes (%s adapter)', (_name, createAdapter) => {
  let running: RunningApp | undefined;
  const events: string[] = [];

  afterEach(async () => {
    await running?.close();
    running = undefined;
    events.length = 0;
  });

  async function start(configure: (app: RunningApp['app']) => void): Promise<RunningApp> {
    running = await startApp(AppModule, createAdapter, {}, configure);
    return running;
  }

  it('runs open, message and close handlers, and plain HTTP still reaches the HTTP route', async () => {
    const { url } = await start((app) =>
      app.ws('/echo', {
        open: (ws) => events.push(`open ${ws.remoteAddress}`),
        message: (ws, message, isBinary) => ws.send(`echo:${decoder.decode(message)}:${isBinary}`),
        close: (_ws, code, reason) => events.push(`close ${code} ${reason}`),
      }),
    );
    const client = await TestClient.connect(wsUrl(url, '/echo'));
    client.send('hi');
    expect(await client.next()).toBe('echo:hi:false');
    client.send(Buffer.from('bytes'), true);
    expect(await client.next()).toBe('echo:bytes:true');
    await client.close(4000, 'bye');
    await sleep(50);
    expect(events).toEqual(['open 127.0.0.1', 'close 4000 bye']);
    const page = await fetch(`${url}/echo`);
    expect(await page.text()).toBe('plain HTTP on the WebSocket path');
  });

  it('publishes to topics: connection.publish skips the sender, the host reaches everyone', async () => {
    const { url, app } = await start((app) =>
      app.ws('/topics', {
        open: (ws) => ws.subscribe('news'),
        message: (ws, message) => ws.publish('news', decoder.decode(message)),
      }),
    );
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => TestClient.connect(wsUrl(url, '/topics'))));
    a.send('from a');
    expect(await b.next()).toBe('from a');
    expect(await c.next()).toBe('from a');
    expect(await a.silentFor(100)).toBe(true);
    const webSockets = app.getHttpAdapter().webSockets!();
    expect(webSockets.numSubscribers('news')).toBe(3);
    webSockets.publish('news', 'to all');
    expect(await Promise.all([a.next(), b.next(), c.next()])).toEqual(['to all', 'to all', 'to all']);
    await c.close();
    await sleep(50);
    expect(webSockets.numSubscribers('news')).toBe(2);
    a.terminate();
    b.terminate();
  });

  it('lets the upgrade handler refuse with a status (the socket never opens) or accept with data', async () => {
    const { url } = await start((app) =>
      app.ws<{ user: string }>('/private', {
        upgrade: async (request) => {
          await sleep(10); // an async check: the uWS request is long gone by now
          const token = new URLSearchParams(request.query).get('token');
          if (request.headers['x-role'] === 'banned') return { accept: false, status: 403, body: '{"statusCode":403}' };
          if (token !== 'secret') return { accept: false, status: 401, body: '{"statusCode":401,"message":"Unauthorized"}' };
          return { accept: true, data: { user: `${request.headers['x-user']}@${request.remoteAddress}` } };
        },
        open: (ws) => {
          events.push('open');
          ws.send(`hello ${ws.data.user}`);
        },
      }),
    );
    expect(await TestClient.refusal(wsUrl(url, '/private'))).toEqual({ status: 401, body: '{"statusCode":401,"message":"Unauthorized"}' });
    expect((await TestClient.refusal(wsUrl(url, '/private?token=secret'), { headers: { 'x-role': 'banned' } })).status).toBe(403);
    expect(events).toEqual([]);
    const client = await TestClient.connect(wsUrl(url, '/private?token=secret'), { headers: { 'x-user': 'ada' } });
    expect(await client.next()).toBe('hello ada@127.0.0.1');
    client.terminate();
  });

  it('answers 500 when the upgrade handler throws, and keeps serving', async () => {
    const { url } = await start((app) =>
      app.ws('/broken', {
        upgrade: () => {
          throw new Error('auth backend down');
        },
      }),
    );
    expect((await TestClient.refusal(wsUrl(url, '/broken'))).status).toBe(500);
    expect((await fetch(`${url}/echo`)).status).toBe(200);
  });

  it('refuses an upgrade on a path without a WebSocket route with 404', async () => {
    const { url } = await start((app) => app.ws('/somewhere', {}));
    expect((await TestClient.refusal(wsUrl(url, '/elsewhere'))).status).toBe(404);
  });

  it('matches prefix routes ending in /*', async () => {
    const { url } = await start((app) => app.ws('/rooms/*', { open: (ws) => ws.send('in a room') }));
    const client = await TestClient.connect(wsUrl(url, '/rooms/blue'));
    expect(await client.next()).toBe('in a room');
    client.terminate();
  });

  it('closes a connection that sends more than maxPayloadLength with 1009, other connections unaffected', async () => {
    const { url } = await start((app) => app.ws('/small', { message: (ws, m) => ws.send(`${m.byteLength}`) }, { maxPayloadLength: 1024 }));
    const [big, small] = await Promise.all([TestClient.connect(wsUrl(url, '/small')), TestClient.connect(wsUrl(url, '/small'))]);
    big.send('x'.repeat(1024));
    expect(await big.next()).toBe('1024');
    big.send('x'.repeat(1500));
    expect((await big.closed).code).toBe(1009);
    small.send('still here');
    expect(await small.next()).toBe('10');
    small.terminate();
  });

  it('graceful close sends 1001 to every open WebSocket', async () => {
    const { url, app } = await start((app) => app.ws('/live', { close: (_ws, code) => events.push(`server saw ${code}`) }));
    const clients = await Promise.all([1, 2].map(() => TestClient.connect(wsUrl(url, '/live'))));
    await app.close();
    running = undefined;
    const closes = await Promise.all(clients.map((client) => client.closed));
    expect(closes.map((c) => c.code)).toEqual([1001, 1001]);
    expect(events).toEqual(['server saw 1001', 'server saw 1001']);
  });

  it('opens a route given after init at once', async () => {
    const { url, app } = await start(() => undefined);
    app.ws('/late', { open: (ws: WebSocketConnection) => ws.send('late but open') });
    const client = await TestClient.connect(wsUrl(url, '/late'));
    expect(await client.next()).toBe('late but open');
    client.terminate();
  });
});

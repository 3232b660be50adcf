import { Module } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../../../test/support/adapters';
import { SubscribeMessage, WebSocketGateway } from '../src';
import { GatewaysModule, lifecycle } from './support/chat-gateways';
import { TestClient, sleep, wsUrl } from './support/ws-client';

describe.each(ADAPTERS)('gateways (%s adapter)', (_name, createAdapter) => {
  let running: RunningApp;
  let bootLog: string[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    lifecycle.length = 0;
    running = await startApp(GatewaysModule, createAdapter);
    bootLog = [...lifecycle];
  });
  afterAll(() => running.close());
  afterEach(async () => {
    for (const client of clients.splice(0)) client.terminate();
    await sleep(20);
    lifecycle.length = 0;
  });

  const connect = async (path: string, options?: ConstructorParameters<typeof Object>[0]): Promise<TestClient> => {
    const client = await TestClient.connect(wsUrl(running.url, path), options as never);
    clients.push(client);
    return client;
  };
  const chat = (name: string) => connect(`/chat?name=${name}`);

  describe('events and acknowledgements', () => {
    it('sends a return value back as { event, data } of the incoming event', async () => {
      const client = await chat('ada');
      client.emit('echo', { hello: ['world'] });
      expect(await client.nextJson()).toEqual({ event: 'echo', data: { hello: ['world'] } });
    });

    it('sends a returned { event, data } as is, and calls undecorated handlers with (client, data)', async () => {
      const client = await chat('ada');
      client.emit('defaults', 7);
      expect(await client.nextJson()).toEqual({ event: 'defaults-reply', data: { client: true, data: 7 } });
    });

    it('awaits promises, streams observables, and sends nothing for undefined', async () => {
      const client = await chat('ada');
      client.emit('silent');
      client.emit('double', 21);
      expect(await client.nextJson()).toEqual({ event: 'double', data: 42 });
      client.emit('count');
      expect([await client.nextJson(), await client.nextJson(), await client.nextJson()].map((m) => m.data)).toEqual([1, 2, 3]);
      expect(await client.silentFor(50)).toBe(true);
    });

    it('runs afterInit once with the injected server, and the connection hooks with the upgrade request', async () => {
      expect(bootLog).toEqual(['afterInit /chat same=true']);
      lifecycle.length = 0;
      const client = await chat('grace');
      await client.close();
      await sleep(50);
      expect(lifecycle).toEqual(['connected grace', 'disconnected grace rooms=0']);
    });

    it('lets two gateways on one path share its server and events', async () => {
      const client = await chat('ada');
      client.emit('extras');
      expect(await client.nextJson()).toEqual({ event: 'extras', data: { sharedServer: '/chat', clients: 1 } });
    });
  });

  describe('rooms', () => {
    it('client.to(room) reaches the other members only; server.to(room) reaches the sender too', async () => {
      const [ada, bob, cy] = await Promise.all([chat('ada'), chat('bob'), chat('cy')]);
      ada.emit('join', { room: 'blue' });
      bob.emit('join', { room: 'blue' });
      expect((await ada.nextJson()).event).toBe('joined');
      expect((await bob.nextJson()).event).toBe('joined');
      ada.emit('say', { room: 'blue', text: 'hi' });
      expect(await bob.nextJson()).toEqual({ event: 'said', data: { from: 'ada', text: 'hi' } });
      bob.emit('shout', { room: 'blue', text: 'HEY' });
      expect(await ada.nextJson()).toEqual({ event: 'shouted', data: 'HEY' });
      expect(await bob.nextJson()).toEqual({ event: 'shouted', data: 'HEY' });
      expect(await ada.silentFor(50)).toBe(true);
      expect(await cy.silentFor(0)).toBe(true);
    });

    it('server.emit reaches everyone on the path; client.broadcast everyone but the sender', async () => {
      const [ada, bob] = await Promise.all([chat('ada'), chat('bob')]);
      const other = await connect('/strict');
      ada.emit('announce', 'news');
      expect(await ada.nextJson()).toEqual({ event: 'announcement', data: 'news' });
      expect(await bob.nextJson()).toEqual({ event: 'announcement', data: 'news' });
      ada.emit('gossip', 'psst');
      expect(await bob.nextJson()).toEqual({ event: 'gossip', data: 'psst' });
      expect(await ada.silentFor(50)).toBe(true);
      expect(await other.silentFor(0)).toBe(true); // another gateway path is another audience
    });

    it('delivers to a union of rooms once per client, minus excepted rooms', async () => {
      const [ada, bob, cy] = await Promise.all([chat('ada'), chat('bob'), chat('cy')]);
      for (const [client, room] of [[ada, 'a'], [ada, 'b'], [bob, 'b'], [cy, 'a'], [cy, 'muted']] as const) {
        client.emit('join', { room });
        await client.nextJson();
      }
      ada.emit('multi', { rooms: ['a', 'b'], text: 'union' });
      expect((await ada.nextJson()).data).toBe('union');
      expect((await bob.nextJson()).data).toBe('union');
      expect((await cy.nextJson()).data).toBe('union');
      ada.emit('multi', { rooms: ['a', 'b'], except: ['muted'], text: 'no muted' });
      expect((await ada.nextJson()).data).toBe('no muted');
      expect((await bob.nextJson()).data).toBe('no muted');
      expect(await Promise.all([ada.silentFor(60), bob.silentFor(0), cy.silentFor(0)])).toEqual([true, true, true]);
    });

    it('answers membership queries, and a room disappears with its last member', async () => {
      const [ada, bob] = await Promise.all([chat('ada'), chat('bob')]);
      ada.emit('join', { room: 'green' });
      await ada.nextJson();
      bob.emit('join', { room: 'green' });
      await bob.nextJson();
      bob.emit('join', { room: 'red' });
      await bob.nextJson();
      bob.emit('members', 'green');
      expect((await bob.nextJson()).data).toEqual({ size: 2, names: ['ada', 'bob'], rooms: ['green', 'red'], mine: ['green', 'red'] });
      ada.emit('leave', { room: 'green' });
      await ada.nextJson();
      bob.terminate();
      await sleep(50);
      ada.emit('members', 'green');
      expect((await ada.nextJson()).data).toEqual({ size: 0, names: [], rooms: [], mine: [] });
    });
  });

  describe('errors', () => {
    it('sends a WsException as an exception event with its cause', async () => {
      const client = await chat('ada');
      client.emit('fail', { why: 1 });
      expect(await client.nextJson()).toEqual({ event: 'exception', data: { status: 'error', message: 'Nope', cause: { pattern: 'fail', data: { why: 1 } } } });
      client.emit('fail-object');
      expect((await client.nextJson()).data).toEqual({ status: 'error', message: 'custom', code: 42, cause: { pattern: 'fail-object' } });
    });

    it('hides unexpected errors behind Internal server error', async () => {
      const client = await chat('ada');
      client.emit('crash', 1);
      expect(await client.nextJson()).toEqual({ event: 'exception', data: { status: 'error', message: 'Internal server error', cause: { pattern: 'crash', data: 1 } } });
    });

    it('answers an unknown event, invalid JSON and non-event JSON with an exception event, and keeps the connection', async () => {
      const client = await chat('ada');
      client.emit('nobody-listens', 5);
      expect((await client.nextJson()).data).toEqual({ status: 'error', message: 'There is no handler for event "nobody-listens"', cause: { pattern: 'nobody-listens', data: 5 } });
      client.send('{not json');
      expect((await client.nextJson()).data).toEqual({ status: 'error', message: 'Invalid JSON' });
      for (const bad of ['42', '"text"', 'null', '[1,2]', '{"event":7}', '{"data":1}']) {
        client.send(bad);
        expect((await client.nextJson()).data).toMatchObject({ status: 'error', message: expect.stringContaining('{ "event": string') });
      }
      client.send(Buffer.from('{"event":"echo","data":"from a binary frame"}'), true);
      expect(await client.nextJson()).toEqual({ event: 'echo', data: 'from a binary frame' });
      client.send(Buffer.from([0xff, 0x00, 0x13]), true);
      expect((await client.nextJson()).data).toEqual({ status: 'error', message: 'Invalid JSON' });
      client.emit('__proto__', 1);
      expect((await client.nextJson()).data).toMatchObject({ message: 'There is no handler for event "__proto__"' });
    });

    it('closes with 1007 when the gateway says so', async () => {
      const client = await connect('/strict');
      client.emit('ok');
      expect((await client.nextJson()).data).toBe('ok');
      client.send('garbage');
      expect(await client.closed).toEqual({ code: 1007, reason: 'Invalid JSON' });
    });
  });

  describe('authentication at the upgrade', () => {
    it('refuses without credentials (401) and for a guard returning false (403): the socket never opens', async () => {
      const unauthorized = await TestClient.refusal(wsUrl(running.url, '/secure'));
      expect(unauthorized.status).toBe(401);
      expect(JSON.parse(unauthorized.body)).toEqual({ message: 'Unauthorized', statusCode: 401 });
      const forbidden = await TestClient.refusal(wsUrl(running.url, '/secure'), { headers: { authorization: 'Bearer banned' } });
      expect(forbidden.status).toBe(403);
      expect(JSON.parse(forbidden.body)).toEqual({ message: 'Forbidden resource', error: 'Forbidden', statusCode: 403 });
    });

    it('accepts with the user the guard set, seen by custom parameter decorators', async () => {
      const client = await connect('/secure', { headers: { authorization: 'Bearer ada' } });
      client.emit('whoami');
      expect((await client.nextJson()).data).toEqual({ name: 'ada', roles: ['user'], ip: '127.0.0.1' });
      client.emit('name');
      expect(await client.nextJson()).toEqual({ event: 'name', data: 'ada' });
      const viaQuery = await connect('/secure?token=root');
      viaQuery.emit('name');
      expect((await viaQuery.nextJson()).data).toBe('root');
    });
  });

  describe('enhancers on messages', () => {
    it('runs guards with Reflector metadata: a refusal is a Forbidden resource exception', async () => {
      const user = await connect('/secure?token=ada');
      user.emit('admin');
      expect((await user.nextJson()).data).toEqual({ status: 'error', message: 'Forbidden resource', cause: { pattern: 'admin' } });
      const root = await connect('/secure?token=root');
      root.emit('admin');
      expect(await root.nextJson()).toEqual({ event: 'admin', data: 'welcome, admin' });
    });

    it('runs pipes on @MessageBody and reports their failure', async () => {
      const client = await connect('/secure?token=ada');
      client.emit('increment', { n: '41' });
      expect(await client.nextJson()).toEqual({ event: 'increment', data: 42 });
      client.emit('increment', { n: 'forty' });
      expect((await client.nextJson()).data).toEqual({
        status: 'error',
        message: 'Validation failed (numeric string is expected)',
        cause: { pattern: 'increment', data: { n: 'forty' } },
      });
    });

    it('runs interceptors around the handler and exception filters with the ws host', async () => {
      const client = await connect('/secure?token=ada');
      client.emit('wrapped', 'x');
      expect(await client.nextJson()).toEqual({ event: 'wrapped', data: { wrapped: 'x' } });
      client.emit('filtered', { cup: 1 });
      expect(await client.nextJson()).toEqual({ event: 'teapot', data: { error: 'short and stout', pattern: 'filtered', data: { cup: 1 } } });
    });
  });
});

describe('gateway configuration errors', () => {
  @WebSocketGateway({ path: '/dup' })
  class FirstGateway {
    @SubscribeMessage('same')
    a(): number {
      return 1;
    }
  }
  @WebSocketGateway({ path: '/dup' })
  class SecondGateway {
    @SubscribeMessage('same')
    b(): number {
      return 2;
    }
  }
  @Module({ providers: [FirstGateway, SecondGateway] })
  class DuplicateModule {}

  it.each(ADAPTERS)('refuses two handlers for one event on one path, naming both (%s)', async (_name, createAdapter) => {
    await expect(startApp(DuplicateModule, createAdapter)).rejects.toThrow('WebSocket event "same" on /dup is handled twice: by FirstGateway#a and by SecondGateway#b');
  });
});

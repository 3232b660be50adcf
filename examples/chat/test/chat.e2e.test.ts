import { Test } from '@armature/testing';
import type { ArmatureApplication } from '@armature/core';
import { ADAPTERS } from '../../../test/support/adapters';
import { TestClient, sleep } from '../../../packages/websocket/test/support/ws-client';
import { AppModule } from '../src/app.module';

interface Event<T = any> {
  event: string;
  data: T;
}

describe.each(ADAPTERS)('chat example (%s adapter)', (_name, createAdapter) => {
  let app: ArmatureApplication;
  let base = '';
  const clients: TestClient[] = [];

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication(createAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.terminate();
    await app.close();
  });

  /** Connects as `name` and reads the welcome. */
  async function user(name: string): Promise<TestClient> {
    const client = await TestClient.connect(`${base.replace('http', 'ws')}/chat?name=${encodeURIComponent(name)}`);
    clients.push(client);
    expect((await client.nextJson<Event>()).event).toBe('welcome');
    return client;
  }

  async function joined(client: TestClient, room: string): Promise<Event> {
    client.emit('join', { room });
    return client.nextJson<Event>();
  }

  it('serves the chat page, which speaks to /chat', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('<title>Armature chat</title>');
    expect(page).toContain('/chat?name=');
    for (const event of ["send('join'", "send('leave'", "send('message'", "send('typing'"]) expect(page).toContain(event);
  });

  it('refuses the upgrade without a valid nickname (401, the socket never opens)', async () => {
    const ws = base.replace('http', 'ws');
    for (const url of [`${ws}/chat`, `${ws}/chat?name=x`, `${ws}/chat?name=${encodeURIComponent('<script>')}`]) {
      const refusal = await TestClient.refusal(url);
      expect(refusal.status).toBe(401);
      expect(JSON.parse(refusal.body)).toMatchObject({ statusCode: 401, message: expect.stringContaining('nickname') });
    }
  });

  it('joins a room: the newcomer gets members and history, the others a joined event', async () => {
    const ada = await user('ada');
    expect((await joined(ada, 'lobby')).data).toEqual({ room: 'lobby', name: 'ada', members: ['ada'], history: [] });
    ada.emit('message', { room: 'lobby', text: '  first!  ' });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ room: 'lobby', from: 'ada', text: 'first!' });
    const bob = await user('bob');
    const bobJoined = await joined(bob, 'lobby');
    expect(bobJoined.data).toMatchObject({ room: 'lobby', name: 'bob', members: ['ada', 'bob'] });
    expect(bobJoined.data.history.map((line: { text: string }) => line.text)).toEqual(['first!']);
    expect(await ada.nextJson<Event>()).toEqual({ event: 'joined', data: { room: 'lobby', name: 'bob', members: ['ada', 'bob'] } });
  });

  it('sends messages to the room only (sender included), typing to the others only', async () => {
    const [ada, bob, cy] = await Promise.all([user('ada'), user('bob'), user('cy')]);
    await joined(ada, 'kitchen');
    await joined(bob, 'kitchen');
    await ada.nextJson(); // bob joined
    await joined(cy, 'garden');
    bob.emit('typing', { room: 'kitchen' });
    expect(await ada.nextJson<Event>()).toEqual({ event: 'typing', data: { room: 'kitchen', name: 'bob' } });
    bob.emit('message', { room: 'kitchen', text: 'tea?' });
    for (const client of [ada, bob]) expect((await client.nextJson<Event>()).data).toMatchObject({ from: 'bob', text: 'tea?' });
    expect(await cy.silentFor(100)).toBe(true);
    cy.emit('rooms');
    expect((await cy.nextJson<Event>()).data).toEqual(
      expect.arrayContaining([
        { room: 'kitchen', members: 2 },
        { room: 'garden', members: 1 },
      ]),
    );
  });

  it('tells the room when someone leaves or disconnects', async () => {
    const [ada, bob, cy] = await Promise.all([user('ada'), user('bob'), user('cy')]);
    await joined(ada, 'hall');
    await joined(bob, 'hall');
    await ada.nextJson();
    await joined(cy, 'hall');
    await ada.nextJson();
    await bob.nextJson();
    bob.emit('leave', { room: 'hall' });
    expect((await bob.nextJson<Event>()).data).toEqual({ room: 'hall', name: 'bob', members: ['ada', 'cy'] });
    expect((await ada.nextJson<Event>()).data).toEqual({ room: 'hall', name: 'bob', members: ['ada', 'cy'] });
    cy.terminate();
    expect(await ada.nextJson<Event>()).toEqual({ event: 'left', data: { room: 'hall', name: 'cy', members: ['ada'] } });
    expect(await bob.silentFor(100)).toBe(true);
  });

  it('answers invalid requests with exception events and keeps the connection', async () => {
    const ada = await user('ada');
    ada.emit('message', { room: 'nowhere', text: 'hello?' });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ status: 'error', message: 'join nowhere first' });
    ada.emit('join', { room: 'bad room!' });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ message: 'room must be 1 to 32 letters, digits, - or _' });
    await joined(ada, 'ok');
    ada.emit('message', { room: 'ok', text: '   ' });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ message: 'text must be a non-empty string' });
    ada.emit('message', { room: 'ok', text: 'x'.repeat(501) });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ message: 'text must be at most 500 characters' });
    ada.emit('join', { room: 'ok' });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ message: 'already in ok' });
    ada.send('not json at all');
    expect((await ada.nextJson<Event>()).data).toEqual({ status: 'error', message: 'Invalid JSON' });
    ada.emit('message', { room: 'ok', text: 'still connected' });
    expect((await ada.nextJson<Event>()).data).toMatchObject({ text: 'still connected' });
  });

  it('closes oversized messages with 1009 and everyone with 1001 on shutdown', async () => {
    const [ada, bob] = await Promise.all([user('ada'), user('bob')]);
    ada.send(JSON.stringify({ event: 'message', data: { room: 'x', text: 'y'.repeat(5000) } }));
    expect((await ada.closed).code).toBe(1009);
    await app.close();
    expect((await bob.closed).code).toBe(1001);
    await sleep(10);
  });
});

import WebSocket from 'ws';
import { get, type MicroServer } from '@armature/core';
import { ADAPTERS } from '../support/adapters';
import { microApp, startMicro } from './support';

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const nextMessage = (socket: WebSocket): Promise<string> => new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString())));

describe.each(ADAPTERS)('App.ws() in a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  const closes: number[] = [];

  beforeAll(async () => {
    server = await startMicro(
      microApp(createAdapter)
        .route('/health', get(() => ({ ok: true })))
        .ws<{ user: string }>('/chat', {
          upgrade: (req) => (req.headers['x-user'] ? { accept: true, data: { user: String(req.headers['x-user']) } } : { accept: false, status: 401 }),
          open: (ws) => ws.subscribe('room'),
          message: (ws, bytes) => ws.publish('room', `${ws.data.user}: ${Buffer.from(bytes).toString()}`),
          close: (_ws, code) => closes.push(code),
        }),
    );
  });
  afterAll(() => server.close());

  it('serves HTTP routes and a WebSocket route side by side, broadcasting to the others', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true });
    const wsUrl = server.url.replace('http', 'ws') + '/chat';
    const [ada, bob] = await Promise.all([connect(wsUrl, { 'x-user': 'ada' }), connect(wsUrl, { 'x-user': 'bob' })]);
    const received = nextMessage(bob);
    ada.send('hello');
    expect(await received).toBe('ada: hello');
    const closed = new Promise((resolve) => ada.once('close', resolve));
    ada.close(1000, 'bye');
    await closed;
    for (let i = 0; i < 50 && closes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closes).toEqual([1000]);
    bob.close(1000);
  });

  it('refuses the upgrade before the socket opens', async () => {
    await expect(connect(server.url.replace('http', 'ws') + '/chat')).rejects.toThrow('refused with 401');
  });
});

import type { HttpServerAdapter, MicroServer } from '@armature/core';
import { NodeAdapter } from '@armature/platform-node';
import { UwsAdapter } from '@armature/platform-uws';
import { createApp } from '../src/app';

const ADAPTERS: Array<[string, () => HttpServerAdapter]> = [
  ['uws', () => new UwsAdapter()],
  ['node', () => new NodeAdapter()],
];

describe.each(ADAPTERS)('todo API (%s)', (_name, adapter) => {
  let server: MicroServer;
  const call = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${server.url}${path}`, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) });
  };

  beforeEach(async () => {
    server = await createApp({ adapter, logger: false }).run({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => server.close());

  it('answers the health check without a token', async () => {
    const res = await call('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses the API without a valid bearer token, in NestJS error shape', async () => {
    for (const token of [undefined, 'forged']) {
      const res = await call('/api/v1/todos', { token });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ statusCode: 401, message: 'Missing or invalid bearer token', error: 'Unauthorized' });
    }
  });

  it('creates, lists, updates and deletes todos', async () => {
    const created = await call('/api/v1/todos', { method: 'POST', token: 'ada-token', json: { title: 'Write the notes' } });
    expect(created.status).toBe(201);
    const todo = (await created.json()) as { id: number; title: string; done: boolean; owner: string; createdAt: string };
    expect(todo).toEqual({ id: expect.any(Number), title: 'Write the notes', done: false, owner: 'ada', createdAt: expect.any(String) });

    const listed = await call('/api/v1/todos?done=false', { token: 'ada-token' });
    expect(await listed.json()).toEqual([todo]);

    const patched = await call(`/api/v1/todos/${todo.id}`, { method: 'PATCH', token: 'ada-token', json: { done: true } });
    expect(await patched.json()).toEqual({ ...todo, done: true });
    expect(await (await call('/api/v1/todos?done=false', { token: 'ada-token' })).json()).toEqual([]);

    const deleted = await call(`/api/v1/todos/${todo.id}`, { method: 'DELETE', token: 'ada-token' });
    expect(deleted.status).toBe(204);
    const gone = await call(`/api/v1/todos/${todo.id}`, { token: 'ada-token' });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ statusCode: 404, message: `Todo #${todo.id} not found`, error: 'Not Found' });
  });

  it("keeps each user's todos to themselves", async () => {
    const created = (await (await call('/api/v1/todos', { method: 'POST', token: 'ada-token', json: { title: 'private' } })).json()) as { id: number };
    expect((await call(`/api/v1/todos/${created.id}`, { token: 'grace-token' })).status).toBe(404);
    expect(await (await call('/api/v1/todos', { token: 'grace-token' })).json()).toEqual([]);
  });

  it('answers invalid input with 400 naming the fields', async () => {
    const empty = await call('/api/v1/todos', { method: 'POST', token: 'ada-token', json: { title: '', extra: 1 } });
    expect(empty.status).toBe(400);
    const body = (await empty.json()) as { message: string[] };
    expect(body.message).toEqual(expect.arrayContaining([expect.stringContaining('body.title')]));
    const badId = await call('/api/v1/todos/abc', { token: 'ada-token' });
    expect(await badId.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: ['params.id must be an integer'] });
    const badLimit = await call('/api/v1/todos?limit=1000', { token: 'ada-token' });
    expect(badLimit.status).toBe(400);
    const noChange = await call('/api/v1/todos/1', { method: 'PATCH', token: 'ada-token', json: {} });
    expect(noChange.status).toBe(400);
    const malformed = await call('/api/v1/todos', { method: 'POST', token: 'ada-token', body: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await call('/nope')).status).toBe(404);
    const wrong = await call('/health', { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
  });
});

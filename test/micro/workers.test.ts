import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { Agent, request } from 'undici';
import type { MicroServer } from '@armature/core';
import { startMicroWorkers } from './fixtures/micro-worker-app';

// App.run({ workers }) goes through core's worker mode: on uWS, worker threads each binding the port.
describe('App.run({ workers: 2 }) on uWS', () => {
  let server: MicroServer;

  beforeAll(async () => {
    server = await startMicroWorkers(path.join(__dirname, 'fixtures/micro-worker-entry.js'));
  });
  afterAll(() => server?.close());

  it('serves from two worker threads, never from the primary', async () => {
    const threads = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const agent = new Agent({ pipelining: 0 }); // a fresh connection each time: the kernel spreads connections
      try {
        const response = await request(`${server.url}/whoami`, { dispatcher: agent });
        const body = (await response.body.json()) as { threadId: number; worker: number | null };
        expect(body.worker).not.toBeNull();
        threads.add(body.threadId);
      } finally {
        await agent.close();
      }
    }
    expect(threads.size).toBe(2);
    expect(threads.has(threadId)).toBe(false);
  });

  it('close() stops every worker', async () => {
    await server.close();
    await expect(request(`${server.url}/whoami`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});

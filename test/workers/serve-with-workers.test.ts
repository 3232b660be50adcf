import path from 'node:path';
import { serveWithWorkers, type WorkerServer } from '@armature/core';
import { CapturingLogger, get, identities } from './worker-harness';

const fixture = (name: string) => path.join(__dirname, '../fixtures/workers', name);
const neverInThePrimary = () => Promise.reject(new Error('serveHere must not run in the primary'));

describe('serveWithWorkers (the machinery under app.listen and the micro API)', () => {
  it('runs any server the caller builds: a bare uWS app per thread', async () => {
    const logs = new CapturingLogger();
    const server: WorkerServer = await serveWithWorkers(
      { workers: 2, port: 0, host: '127.0.0.1', kind: 'thread', entry: fixture('raw-uws-worker.js'), handleSignals: false, logger: logs },
      neverInThePrimary,
    );
    const port = server.address()?.port;
    try {
      expect(server.role).toBe('primary');
      expect(port).toBeGreaterThan(0);
      const answers = await identities(`http://127.0.0.1:${port}`, 30);
      expect(new Set(answers.map((answer) => answer.threadId)).size).toBe(2);
      expect(new Set(answers.map((answer) => answer.worker?.index))).toEqual(new Set([1, 2]));
    } finally {
      await server.close();
    }
    expect(server.address()).toBeNull();
    await expect(get(`http://127.0.0.1:${port}/whoami`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects a worker count that is not a positive integer, before starting anything', async () => {
    await expect(serveWithWorkers({ workers: 0, port: 0, kind: 'thread', entry: fixture('idle-worker.js') }, neverInThePrimary)).rejects.toThrow(
      "workers must be 'auto' or a positive integer, got 0",
    );
    await expect(serveWithWorkers({ workers: 1.5, port: 0, kind: 'process', entry: fixture('idle-worker.js') }, neverInThePrimary)).rejects.toThrow(TypeError);
  });

  it('fails the start when a worker never listens, and ends that worker', async () => {
    const logs = new CapturingLogger();
    const started = serveWithWorkers(
      { workers: 1, port: 0, kind: 'process', entry: fixture('idle-worker.js'), startTimeoutMs: 1000, handleSignals: false, logger: logs },
      neverInThePrimary,
    );
    const error = (await started.catch((reason: unknown) => reason)) as Error;
    expect(error.message).toMatch(/^Worker 1 \(pid \d+\) did not listen within 1000 ms: does .*idle-worker\.js reach listen\(\.\.\., \{ workers \}\)\?$/);
    const pid = Number(/pid (\d+)/.exec(error.message)?.[1]);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });
});

import { threadId } from 'node:worker_threads';
import type { ArmatureApplication } from '@armature/core';
import { CapturingLogger, get, identities, startProbeWorkers, waitFor } from './worker-harness';

// Worker mode on the uWS adapter: worker threads of this process, each binding the port (SO_REUSEPORT).
describe('worker threads on uWS (workers: 2)', () => {
  let app: ArmatureApplication;
  let url: string;
  let logs: CapturingLogger;

  beforeAll(async () => {
    ({ app, url, logs } = await startProbeWorkers({ adapter: 'uws', workers: 2 }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves requests from two distinct threads of this process, never from the primary', async () => {
    const answers = await identities(url);
    const threads = new Set(answers.map((answer) => answer.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(threadId)).toBe(false);
    expect(new Set(answers.map((answer) => answer.pid))).toEqual(new Set([process.pid]));
    expect(new Set(answers.map((answer) => answer.worker?.index))).toEqual(new Set([1, 2]));
    expect(answers.every((answer) => answer.worker?.kind === 'thread')).toBe(true);
    expect(logs.has(/2 worker threads serving port \d+/)).toBe(true);
  });

  it("tags each worker's log lines with its number", async () => {
    const { body } = await get(`${url}/log-line`);
    expect((body as { line: string }).line).toMatch(new RegExp(`^\\[Armature\\] ${process.pid} \\[worker [12]\\]  - .* LOG \\[Probe\\] hello\\n$`));
  });

  it('restarts a crashed worker (logged with its error), which then serves again', async () => {
    const before = await identities(url, 20);
    const { body } = await get(`${url}/crash`);
    expect(body).toEqual({ crashing: true });
    await waitFor(() => logs.has(/Worker [12] is back \(thread \d+, restart 1\)/), 'the restart');
    expect(logs.has(/ERROR Worker [12] \(thread \d+\) crashed: Error: probe crash/)).toBe(true);
    expect(logs.has(/WARN Restarting worker [12] in 50 ms \(restart 1\)/)).toBe(true);

    const after = await identities(url);
    expect(new Set(after.map((answer) => answer.worker?.index))).toEqual(new Set([1, 2]));
    const restarted = after.filter((answer) => answer.worker?.generation === 1);
    expect(restarted.length).toBeGreaterThan(0);
    expect(before.map((answer) => answer.threadId)).not.toContain(restarted[0].threadId);
  });

  it('close() lets in-flight requests finish, then stops every worker', async () => {
    const inFlight = get(`${url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await app.close();
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: { finished: true } });
    await expect(get(`${url}/whoami`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(app.getUrl()).rejects.toThrow('app.listen() needs to be called');
  });
});

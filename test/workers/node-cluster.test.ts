import type { ArmatureApplication } from '@armature/core';
import { CapturingLogger, get, identities, startProbeWorkers, waitFor } from './worker-harness';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Worker mode on the node:http adapter: `cluster` child processes (node 20 cannot bind one port from several threads).
describe('worker processes on the node adapter (workers: 2)', () => {
  let app: ArmatureApplication;
  let url: string;
  let logs: CapturingLogger;

  beforeAll(async () => {
    ({ app, url, logs } = await startProbeWorkers({ adapter: 'node', workers: 2 }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves requests from two distinct child processes', async () => {
    const answers = await identities(url);
    const pids = new Set(answers.map((answer) => answer.pid));
    expect(pids.size).toBe(2);
    expect(pids.has(process.pid)).toBe(false);
    expect(new Set(answers.map((answer) => answer.worker?.index))).toEqual(new Set([1, 2]));
    expect(answers.every((answer) => answer.worker?.kind === 'process')).toBe(true);
    expect(logs.has(/2 worker processes serving port \d+/)).toBe(true);
  });

  it("tags each worker's log lines with its number", async () => {
    const { body } = await get(`${url}/log-line`);
    expect((body as { line: string }).line).toMatch(/^\[Armature\] \d+ \[worker [12]\]  - .* LOG \[Probe\] hello\n$/);
  });

  it('restarts a worker killed with SIGKILL (logged), which then serves again', async () => {
    const victim = (await identities(url, 1))[0];
    process.kill(victim.pid, 'SIGKILL');
    const index = victim.worker?.index;
    await waitFor(() => logs.has(new RegExp(`Worker ${index} is back \\(pid \\d+, restart 1\\)`)), 'the restart');
    expect(logs.has(new RegExp(`ERROR Worker ${index} \\(pid ${victim.pid}\\) was killed by SIGKILL`))).toBe(true);
    expect(logs.has(new RegExp(`WARN Restarting worker ${index} in 50 ms \\(restart 1\\)`))).toBe(true);

    const after = await identities(url);
    expect(after.map((answer) => answer.pid)).not.toContain(victim.pid);
    expect(new Set(after.map((answer) => answer.worker?.index))).toEqual(new Set([1, 2]));
  });

  it('close() lets in-flight requests finish, then ends every child', async () => {
    const pids = [...new Set((await identities(url, 20)).map((answer) => answer.pid))];
    const inFlight = get(`${url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await app.close();
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: { finished: true } });
    await expect(get(`${url}/whoami`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(pids.filter(isAlive)).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { get } from './worker-harness';

const PRIMARY = path.join(__dirname, '../fixtures/workers/primary.js');

/** Starts fixtures/workers/primary.js in its own process; resolves once its workers listen. */
async function startPrimary(args: string[]) {
  const child = spawn(process.execPath, [PRIMARY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`primary did not start:\n${stdout}\n${stderr}`)), 15_000);
    const check = () => {
      const match = /port:(\d+)/.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`primary exited before listening:\n${stdout}\n${stderr}`)));
  });
  return { child, port, exited, output: () => ({ stdout, stderr }) };
}

describe('the primary process', () => {
  it.each(['uws', 'node'])('drains every worker on SIGTERM, then exits with it (%s adapter)', async (adapter) => {
    const primary = await startPrimary([adapter]);
    try {
      const inFlight = get(`http://127.0.0.1:${primary.port}/slow`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      primary.child.kill('SIGTERM');
      await expect(inFlight).resolves.toMatchObject({ status: 200, body: { finished: true } });
      expect(await primary.exited).toEqual({ code: null, signal: 'SIGTERM' });
      await expect(get(`http://127.0.0.1:${primary.port}/whoami`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(primary.output().stderr).not.toMatch(/Assertion failed|open handles/);
    } finally {
      primary.child.kill('SIGKILL');
    }
  });

  it('exits with its own code when it calls process.exit() while uWS worker threads serve (no abort)', async () => {
    const primary = await startPrimary(['uws', 'exit']);
    try {
      // Without the exit guard, node aborts (uv_loop_close() with uWS handles open): status 134, SIGABRT.
      expect(await primary.exited).toEqual({ code: 3, signal: null });
      expect(primary.output().stderr).not.toMatch(/Assertion failed|open handles/);
    } finally {
      primary.child.kill('SIGKILL');
    }
  });
});

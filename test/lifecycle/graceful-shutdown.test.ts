import { spawn } from 'node:child_process';
import path from 'node:path';

// Runs the built packages in a real process (npm test builds first), once per adapter.
describe.each(['uws', 'node'])('graceful shutdown on SIGTERM (%s adapter)', (adapter) => {
  it('lets an in-flight request finish, refuses new connections, runs shutdown hooks, exits', async () => {
    const child = spawn(process.execPath, [path.join(__dirname, '../fixtures/slow-server.js')], {
      env: { ...process.env, ARMATURE_ADAPTER: adapter },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 10_000);
        child.stdout.on('data', () => {
          const match = /port:(\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
      });
      const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(async (res) => ({ status: res.status, body: await res.json() }));
      await new Promise((r) => setTimeout(r, 150));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 150));
      await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
      await expect(inFlight).resolves.toEqual({ status: 200, body: { finished: true } });
      expect(await exited).toBe('SIGTERM');
      expect(output).toContain('shutdown:SIGTERM');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

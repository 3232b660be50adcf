import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TestClient } from './support/ws-client';

const repoRoot = path.join(__dirname, '../../..');
const fixture = path.join(__dirname, 'fixtures/worker-threads-server.ts');

/**
 * One process, three worker threads, each running its own Armature app on uWS on the same port:
 * uWS topics are per thread, so rooms must be fanned out between the threads (the default
 * WorkerThreadsWsAdapter, on a BroadcastChannel). Loads the built packages (`npm run build` first).
 */
describe('rooms across worker threads (uWS, shared port)', () => {
  let server: ChildProcess;
  let port = 0;
  let threadIds: number[] = [];
  let output = '';
  const clients: TestClient[] = [];

  const waitFor = (pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const check = (): void => {
        const match = pattern.exec(output);
        if (match) return resolve(match);
        if (server.exitCode !== null || server.signalCode !== null) return reject(new Error(`server ended: ${output}`));
        if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${pattern}: ${output}`));
        setTimeout(check, 20);
      };
      check();
    });

  beforeAll(async () => {
    server = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', fixture], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, THREADS: '3' } });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = await waitFor(/READY (\d+) ([\d,]+)/);
    port = Number(ready[1]);
    threadIds = ready[2].split(',').map(Number);
  }, 30_000);

  afterAll(async () => {
    for (const client of clients) client.terminate();
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.stdin!.write('close\n');
      await exited;
    }
  });

  async function connect(): Promise<{ client: TestClient; thread: number }> {
    const client = await TestClient.connect(`ws://127.0.0.1:${port}/chat`);
    clients.push(client);
    client.emit('whoami');
    return { client, thread: (await client.nextJson<{ data: number }>()).data };
  }

  it('spreads connections over the threads and reaches room members on every thread', async () => {
    const connected = await Promise.all(Array.from({ length: 30 }, () => connect()));
    const threads = new Set(connected.map((c) => c.thread));
    expect(threads.size).toBeGreaterThanOrEqual(2);
    for (const { client } of connected) {
      client.emit('join', 'everywhere');
      await client.nextJson();
    }
    const [speaker, ...listeners] = connected;
    speaker.client.emit('say', { room: 'everywhere', text: 'across threads' });
    const heard = await Promise.all(listeners.map(({ client }) => client.nextJson<{ data: { text: string; from: number } }>()));
    expect(heard.every((m) => m.data.text === 'across threads' && m.data.from === speaker.thread)).toBe(true);
    expect(await speaker.client.silentFor(200)).toBe(true);
    listeners[0].client.emit('announce', 'to all threads');
    const all = await Promise.all(connected.map(({ client }) => client.nextJson()));
    expect(all.every((m) => m.data === 'to all threads')).toBe(true);
  }, 30_000);

  it('survives a worker thread that exits with WebSockets open: its clients get 1001, the others go on', async () => {
    const connected = await Promise.all(Array.from({ length: 30 }, () => connect()));
    const doomedThread = threadIds[0];
    const doomed = connected.filter((c) => c.thread === doomedThread);
    const survivors = connected.filter((c) => c.thread !== doomedThread);
    expect(doomed.length).toBeGreaterThan(0);
    expect(survivors.length).toBeGreaterThan(0);
    server.stdin!.write('exit 0\n');
    await waitFor(/EXITED 0/);
    const closes = await Promise.all(doomed.map(({ client }) => client.closed));
    expect(closes.every((c) => c.code === 1001)).toBe(true);
    expect(server.exitCode).toBeNull(); // no abort of the whole process
    survivors[0].client.emit('announce', 'after the exit');
    const all = await Promise.all(survivors.map(({ client }) => client.nextJson()));
    expect(all.every((m) => m.data === 'after the exit')).toBe(true);
  }, 30_000);
});

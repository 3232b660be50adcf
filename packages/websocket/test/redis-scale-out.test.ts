import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Redis } from 'ioredis';
import { TestClient, sleep } from './support/ws-client';

const repoRoot = path.join(__dirname, '../../..');
const fixture = path.join(__dirname, 'fixtures/scale-server.ts');

interface Instance {
  process: ChildProcess;
  port: number;
  url: string;
}

/** Starts one server process (built packages: `npm run build` first) and waits for its port. */
function startInstance(adapter: 'uws' | 'node', channelPrefix: string): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', fixture, adapter, channelPrefix], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const port = Number(match[1]);
        resolve({ process: child, port, url: `ws://127.0.0.1:${port}/chat` });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited with ${code}: ${output}`));
    });
  });
}

/** SIGTERM; resolves to how it ended (the shutdown hook closes the app, then re-raises the signal). */
function stop(instance: Instance): Promise<string> {
  return new Promise((resolve) => {
    if (instance.process.exitCode !== null || instance.process.signalCode !== null) return resolve(String(instance.process.exitCode ?? instance.process.signalCode));
    instance.process.once('exit', (code, signal) => resolve(String(code ?? signal)));
    instance.process.kill('SIGTERM');
  });
}

async function redisIsUp(): Promise<boolean> {
  const probe = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Three real server processes (two on uWS, one on node:http) share rooms through the real Redis on
 * 127.0.0.1:6379, each test with its own channel prefix.
 */
describe('RedisWsAdapter: rooms across server processes', () => {
  const prefix = `armature-test:${randomUUID()}:`;
  let instances: Instance[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    if (!(await redisIsUp())) throw new Error('These tests need Redis on 127.0.0.1:6379 (it did not answer PING)');
    instances = await Promise.all([startInstance('uws', prefix), startInstance('uws', prefix), startInstance('node', prefix)]);
  }, 40_000);

  afterAll(async () => {
    for (const client of clients) client.terminate();
    await Promise.all(instances.map(stop));
  });

  async function member(instance: Instance, room: string): Promise<TestClient> {
    const client = await TestClient.connect(instance.url);
    clients.push(client);
    client.emit('join', room);
    expect((await client.nextJson()).data).toBe(room);
    return client;
  }

  it('delivers client.to(room) to the members on every instance, never back to the sender', async () => {
    const [a, b, c] = await Promise.all(instances.map((instance) => member(instance, 'lobby')));
    const neighbour = await member(instances[0], 'lobby'); // same instance as the sender
    const outsider = await member(instances[1], 'elsewhere');
    a.emit('say', { room: 'lobby', text: 'hello' });
    for (const receiver of [b, c, neighbour]) expect((await receiver.nextJson()).data).toMatchObject({ text: 'hello', via: 'uws' });
    c.emit('say', { room: 'lobby', text: 'from node' });
    for (const receiver of [a, b, neighbour]) expect((await receiver.nextJson()).data).toMatchObject({ text: 'from node', via: 'node' });
    expect(await Promise.all([a.silentFor(200), c.silentFor(0), outsider.silentFor(0)])).toEqual([true, true, true]);
  });

  it('reaches everyone with server.emit, honours except() everywhere, and keeps .local local', async () => {
    const [a, b, c] = await Promise.all(instances.map((instance) => member(instance, 'quiet-zone')));
    const [d, e] = await Promise.all([member(instances[1], 'loud'), member(instances[2], 'loud')]);
    a.emit('announce', { text: 'all' });
    for (const receiver of [a, b, c, d, e]) expect(await receiver.nextJson()).toEqual({ event: 'announcement', data: 'all' });
    b.emit('announce', { text: 'not quiet', except: 'quiet-zone' });
    expect((await d.nextJson()).data).toBe('not quiet');
    expect((await e.nextJson()).data).toBe('not quiet');
    c.emit('announce', { text: 'just here', local: true });
    expect((await c.nextJson()).data).toBe('just here');
    expect((await e.nextJson()).data).toBe('just here');
    expect(await Promise.all([a.silentFor(200), b.silentFor(0), d.silentFor(0)])).toEqual([true, true, true]);
  });

  it('carries binary broadcasts byte for byte', async () => {
    const [a, b] = await Promise.all([member(instances[2], 'bytes'), member(instances[0], 'bytes')]);
    const received = new Promise<Buffer>((resolve) => b.socket.once('message', (data: Buffer, isBinary: boolean) => isBinary && resolve(data)));
    a.emit('binary', 'bytes');
    expect([...(await received)]).toEqual([1, 2, 3, 250]);
  });

  it('keeps prefixes apart: an instance on another channel prefix hears nothing', async () => {
    const stranger = await startInstance('uws', `${prefix}other:`);
    try {
      const outside = await member(stranger, 'shared-name');
      const inside = await member(instances[1], 'shared-name');
      const speaker = await member(instances[0], 'shared-name');
      speaker.emit('say', { room: 'shared-name', text: 'family only' });
      expect((await inside.nextJson()).data).toMatchObject({ text: 'family only' });
      expect(await outside.silentFor(300)).toBe(true);
    } finally {
      await stop(stranger);
    }
  }, 30_000);

  it('goes on when an instance stops; the stopped one closes its clients with 1001', async () => {
    const extra = await startInstance('node', prefix);
    const leaving = await member(extra, 'survivors');
    const [a, b] = await Promise.all([member(instances[0], 'survivors'), member(instances[2], 'survivors')]);
    expect(await stop(extra)).toBe('SIGTERM');
    expect((await leaving.closed).code).toBe(1001);
    await sleep(50);
    a.emit('say', { room: 'survivors', text: 'still here' });
    expect((await b.nextJson()).data).toMatchObject({ text: 'still here' });
  }, 30_000);
});

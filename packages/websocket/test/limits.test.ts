import { connect as tcpConnect } from 'node:net';
import { ADAPTERS, startApp, type RunningApp } from '../../../test/support/adapters';
import { LIMIT, LimitsModule, type FloodReport } from './support/limit-gateways';
import { TestClient, sleep, wsUrl } from './support/ws-client';

interface Chunk {
  event: string;
  data: { i: number };
}

/** Reads chunks until `until(seen)`, a quiet spell of `quietMs`, or the close; returns their indexes. */
async function drainChunks(client: TestClient, until: (seen: number[]) => boolean, quietMs = 500): Promise<number[]> {
  const seen: number[] = [];
  while (!until(seen)) {
    let message: Chunk;
    try {
      message = JSON.parse(await client.next(quietMs)) as Chunk;
    } catch {
      break;
    }
    if (message.event === 'chunk') seen.push(message.data.i);
  }
  return seen;
}

describe.each(ADAPTERS)('limits and backpressure (%s adapter)', (adapterName, createAdapter) => {
  let running: RunningApp;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    running = await startApp(LimitsModule, createAdapter);
  });
  afterAll(() => running.close());
  afterEach(() => {
    for (const client of clients.splice(0)) client.terminate();
  });

  async function named(path: string, name: string): Promise<TestClient> {
    const client = await TestClient.connect(wsUrl(running.url, path));
    clients.push(client);
    client.emit('name', name);
    expect((await client.nextJson()).data).toBe(name);
    return client;
  }

  async function ask<T>(client: TestClient, event: string, data: unknown): Promise<T> {
    client.emit(event, data);
    for (;;) {
      const message = await client.nextJson<{ event: string; data: T }>(15_000);
      if (message.event === event) return message.data;
    }
  }

  it('closes a client whose message exceeds maxPayloadLength with 1009', async () => {
    const client = await named('/drop', 'big');
    client.emit('name', 'x'.repeat(5000));
    expect(await client.closed).toMatchObject({ code: 1009 });
  });

  it('closes the connection on malformed frames and keeps serving everyone else', async () => {
    const { port } = new URL(running.url);
    const frames: Array<[string, Buffer]> = [
      ['reserved opcode 3', Buffer.from([0x83, 0x80, 1, 2, 3, 4])],
      ['RSV1 without a negotiated extension', Buffer.from([0xc1, 0x80, 1, 2, 3, 4])],
      ['invalid UTF-8 in a text frame', Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xff, 0xfe])],
      // RFC 6455 says a server must close on an unmasked client frame: node's ws does; uWS (v20.30)
      // ignores the frame and keeps the connection (no crash either way).
      ['unmasked client frame', Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f])],
    ];
    for (const [what, frame] of frames) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = tcpConnect(Number(port), '127.0.0.1', () => {
          socket.write(
            'GET /drop HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
          );
        });
        let upgraded = false;
        socket.on('data', (chunk: Buffer) => {
          if (!upgraded && chunk.toString('latin1').startsWith('HTTP/1.1 101')) {
            upgraded = true;
            socket.write(frame);
          }
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(upgraded ? 'closed after upgrade' : 'closed before upgrade'));
        setTimeout(() => {
          socket.destroy();
          resolve('still open');
        }, 1500);
      });
      const expected = what === 'unmasked client frame' && adapterName === 'uws' ? 'still open' : 'closed after upgrade';
      expect(`${what}: ${outcome}`).toBe(`${what}: ${expected}`);
    }
    const healthy = await named('/drop', 'healthy');
    expect(await ask(healthy, 'name', 'fine')).toBe('fine');
  });

  describe('drop policy', () => {
    it('drops what a slow client cannot take, keeps its backlog bounded, and keeps it connected', async () => {
      const slow = await named('/drop', 'slow');
      const producer = await named('/drop', 'producer');
      slow.pauseReading();
      const report = await ask<FloodReport>(producer, 'flood', { count: 2000, to: 'slow' });
      expect(report.sent).toBe(2000);
      expect(report.dropped).toBeGreaterThan(0);
      expect(report.refused).toBeGreaterThan(0);
      // Bounded: the limit plus at most the message that crossed it.
      expect(report.maxBuffered).toBeLessThanOrEqual(LIMIT + 17 * 1024);
      expect(report.connected).toBe(true);
      slow.resumeReading();
      const seen = await drainChunks(slow, () => false);
      expect(seen.length).toBeLessThan(2000);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).toEqual([...seen].sort((a, b) => a - b)); // what arrives, arrives in order
      expect(await ask(slow, 'name', 'still-here')).toBe('still-here');
    }, 30_000);

    it('skips a slow room member on native publishes while the others get everything', async () => {
      const slow = await named('/drop', 'slow-member');
      const fast = await named('/drop', 'fast-member');
      slow.pauseReading();
      fast.emit('flood', { count: 1500, paced: true });
      const fastSeen = await drainChunks(fast, (s) => s.length === 1500);
      expect((await fast.nextJson()).event).toBe('flood');
      expect(fastSeen).toEqual(Array.from({ length: 1500 }, (_, i) => i));
      const status = await ask<{ connected: boolean; buffered: number }>(fast, 'status', 'slow-member');
      expect(status.connected).toBe(true);
      expect(status.buffered).toBeLessThanOrEqual(LIMIT + 17 * 1024);
    }, 30_000);
  });

  describe('close policy', () => {
    it('closes a client that exceeds the limit with 1008, on direct sends', async () => {
      const slow = await named('/close', 'slow');
      const producer = await named('/close', 'producer');
      slow.pauseReading();
      const report = await ask<FloodReport>(producer, 'flood', { count: 2000, to: 'slow' });
      expect(report.connected).toBe(false);
      expect(report.sent).toBe(2000);
      slow.resumeReading();
      expect((await slow.closed).code).toBe(1008);
    }, 30_000);

    it('closes a room member that falls behind native publishes with 1008', async () => {
      const slow = await named('/close', 'slow-member');
      const fast = await named('/close', 'fast-member');
      slow.pauseReading();
      fast.emit('flood', { count: 1500, paced: true });
      const fastSeen = await drainChunks(fast, (s) => s.length === 1500);
      expect((await fast.nextJson()).event).toBe('flood');
      expect(fastSeen).toEqual(Array.from({ length: 1500 }, (_, i) => i));
      expect((await ask<{ connected: boolean }>(fast, 'status', 'slow-member')).connected).toBe(false);
      slow.resumeReading();
      expect((await slow.closed).code).toBe(1008);
      expect(fast.socket.readyState).toBe(fast.socket.OPEN);
    }, 30_000);
  });

  describe('wait policy', () => {
    it('lets a producer wait for drain: nothing lost, backlog bounded by the limit', async () => {
      const slow = await named('/wait', 'slow');
      const producer = await named('/wait', 'producer');
      slow.pauseReading();
      const producing = ask<FloodReport>(producer, 'patient', { count: 600, to: 'slow' });
      await sleep(300);
      slow.resumeReading();
      const seen = await drainChunks(slow, (s) => s.length === 600, 5000);
      const report = await producing;
      expect(seen).toEqual(Array.from({ length: 600 }, (_, i) => i));
      expect(report.refused).toBeGreaterThan(0); // it did have to wait
      expect(report.maxBuffered).toBeLessThanOrEqual(LIMIT + 17 * 1024);
      expect(report.connected).toBe(true);
    }, 30_000);

    it('closes with 1008 past maxBuffered when the producer does not wait', async () => {
      const slow = await named('/wait', 'slow-2');
      const producer = await named('/wait', 'producer-2');
      slow.pauseReading();
      const report = await ask<FloodReport>(producer, 'flood', { count: 2000, to: 'slow-2' });
      expect(report.connected).toBe(false);
      slow.resumeReading();
      expect((await slow.closed).code).toBe(1008);
    }, 30_000);
  });

  describe('idle timeout', () => {
    const path = adapterName === 'uws' ? '/idle8' : '/idle1';
    const idleMs = adapterName === 'uws' ? 8000 : 1000;

    it('keeps a silent client that answers pings, drops one that does not', async () => {
      const live = await named(path, `live-${adapterName}`);
      const dead = await named(path, `dead-${adapterName}`);
      dead.pauseReading(); // it reads nothing from now on, pings included
      const started = Date.now();
      let gone: string[] = [];
      // The live client stays silent too, except for this poll, once the timeout has passed.
      await sleep(idleMs);
      while (!gone.includes(`dead-${adapterName}`) && Date.now() - started < 3 * idleMs) {
        gone = await ask<string[]>(live, 'gone', null);
        await sleep(250);
      }
      const after = Date.now() - started;
      expect(gone).toEqual([`dead-${adapterName}`]);
      expect(after).toBeLessThan(2.5 * idleMs + 1000);
      dead.resumeReading();
      expect((await dead.closed).code).toBe(1006);
      expect(live.socket.readyState).toBe(live.socket.OPEN);
    }, 40_000);

    it('keeps a client that says nothing at all for longer than the timeout', async () => {
      const quiet = await named(path, `quiet-${adapterName}`);
      await sleep(idleMs * 1.6);
      expect(await ask(quiet, 'name', 'still-quiet')).toBe('still-quiet');
    }, 40_000);
  });
});

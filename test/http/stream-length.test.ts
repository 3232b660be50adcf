import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { Controller, Get, Module, Res, type ArmatureResponse } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

const CHUNK = 64 * 1024;
// Larger than loopback's socket buffers can absorb (they autotune to several MiB), so the paused
// client really pushes back on the server.
const CHUNKS = 512; // 32 MiB
const TOTAL = CHUNK * CHUNKS;

function patternByte(index: number): number {
  return (index * 13 + (index >> 12)) & 0xff;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const EXPECTED_SHA = (() => {
  const hash = createHash('sha256');
  for (let c = 0; c < CHUNKS; c++) hash.update(patternChunk(c));
  return hash.digest('hex');
})();

function patternChunk(index: number): Buffer {
  const start = index * CHUNK;
  const chunk = Buffer.alloc(CHUNK);
  for (let i = 0; i < CHUNK; i++) chunk[i] = patternByte(start + i);
  return chunk;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A lazy source of 64 KiB chunks that counts how many it produced. */
class PatternSource extends Readable {
  produced = 0;
  constructor(private readonly chunks: number) {
    super({ highWaterMark: CHUNK });
  }
  override _read(): void {
    if (this.produced === this.chunks) {
      this.push(null);
      return;
    }
    const chunk = patternChunk(this.produced);
    this.produced++;
    this.push(chunk);
  }
}

@Controller('download')
class DownloadController {
  last: PatternSource | undefined;

  @Get('sized')
  sized(@Res({ passthrough: true }) res: ArmatureResponse) {
    res.header('content-length', String(TOTAL));
    return (this.last = new PatternSource(CHUNKS));
  }

  @Get('chunked')
  chunked() {
    return (this.last = new PatternSource(4));
  }
}

@Module({ controllers: [DownloadController] })
class DownloadModule {}

// A stream that ends short of its length is covered on uWS in packages/platform-uws (the connection is
// closed at once); node's ServerResponse leaves that client waiting until its keep-alive timeout.
describe.each(ADAPTERS)('streams with a Content-Length on the %s adapter', (_name, createAdapter) => {
  let running: RunningApp;
  let controller: DownloadController;
  // Keep-alive off: each request gets a fresh connection, so an aborted one cannot affect the next test.
  let dispatcher: Agent;

  beforeAll(async () => {
    running = await startApp(DownloadModule, createAdapter);
    controller = running.app.get(DownloadController);
    dispatcher = new Agent({ pipelining: 0 });
  });
  afterAll(async () => {
    await dispatcher.close();
    await running.close();
  });

  it('sends 32 MiB intact with Content-Length and no chunking, to a client that pauses reading', async () => {
    const res = await request(`${running.url}/download/sized`, { dispatcher });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(TOTAL));
    expect(res.headers['transfer-encoding']).toBeUndefined();
    // Not reading for a while: the server must stop pulling from the source.
    await delay(300);
    const producedWhilePaused = controller.last!.produced;
    await delay(300);
    expect(controller.last!.produced).toBe(producedWhilePaused);
    expect(producedWhilePaused).toBeLessThan(CHUNKS);
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) {
      chunks.push(chunk as Buffer);
      if (chunks.length % 16 === 0) await delay(30); // and keep reading slowly
    }
    const body = Buffer.concat(chunks);
    expect(body.length).toBe(TOTAL);
    expect(sha256(body)).toBe(EXPECTED_SHA);
  });

  it('answers HEAD with the length and no body, and releases the source', async () => {
    const res = await request(`${running.url}/download/sized`, { method: 'HEAD', dispatcher });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(TOTAL));
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect((await res.body.arrayBuffer()).byteLength).toBe(0);
    await delay(20);
    expect(controller.last!.destroyed).toBe(true);
    expect(controller.last!.produced).toBeLessThan(CHUNKS);
  });

  it('destroys the source when the client goes away mid-stream', async () => {
    const res = await request(`${running.url}/download/sized`, { dispatcher });
    const source = controller.last!;
    for await (const _chunk of res.body) break; // one chunk, then undici destroys the body and its socket
    await delay(200);
    expect(source.destroyed).toBe(true);
    expect(source.produced).toBeLessThan(CHUNKS);
  });

  it('keeps streams without a length chunked', async () => {
    const res = await request(`${running.url}/download/chunked`, { dispatcher });
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(Buffer.from(await res.body.arrayBuffer()).length).toBe(4 * CHUNK);
  });
});

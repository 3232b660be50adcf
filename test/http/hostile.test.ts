import { Body, Controller, Get, Module, Post } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';
import { rawRequest, statusesOf } from '../support/raw-http';

@Controller()
class TargetController {
  received: unknown[] = [];

  @Post('echo')
  echo(@Body() body: unknown) {
    this.received.push(body);
    return body;
  }

  @Get('ok')
  ok() {
    return 'ok';
  }
}

@Module({ controllers: [TargetController] })
class TargetModule {}

/** The server is still healthy: a fresh, well-formed request gets its answer. */
async function stillServing(url: string): Promise<void> {
  const res = await fetch(`${url}/ok`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('ok');
}

describe.each(ADAPTERS)('hostile input on the %s adapter', (name, createAdapter) => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(TargetModule, createAdapter, { bodyLimit: 64 * 1024, maxHeaderSize: 8 * 1024 });
  });
  afterAll(() => running.close());

  it('two different Content-Length headers → 400 and the connection is closed (smuggling)', async () => {
    const smuggle =
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}' +
      'GET /ok HTTP/1.1\r\nHost: x\r\n\r\n';
    const raw = await rawRequest(running.port, smuggle);
    expect(statusesOf(raw.text)[0]).toBe(400);
    expect(statusesOf(raw.text)).toHaveLength(1);
    expect(raw.closed).toBe(true);
    await stillServing(running.url);
  });

  it('Content-Length together with Transfer-Encoding → refused (400, or a close with no answer on uWS) and nothing smuggled', async () => {
    const smuggle =
      'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '2\r\n{}\r\n0\r\n\r\nGET /ok HTTP/1.1\r\nHost: x\r\n\r\n';
    const raw = await rawRequest(running.port, smuggle);
    // node answers 400; uWS's native parser closes before any JavaScript sees the request.
    expect(statusesOf(raw.text)).toEqual(name === 'uws' ? [] : [400]);
    expect(raw.closed).toBe(true);
    await stillServing(running.url);
  });

  it('a header block over the limit → 431', async () => {
    const raw = await rawRequest(running.port, `GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(16 * 1024)}\r\n\r\n`);
    expect(statusesOf(raw.text)[0]).toBe(431);
    await stillServing(running.url);
  });

  it('a 64 KiB header block is refused, not accepted', async () => {
    const headers = Array.from({ length: 16 }, (_, i) => `X-H${i}: ${'b'.repeat(4000)}\r\n`).join('');
    const raw = await rawRequest(running.port, `GET /ok HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);
    expect(statusesOf(raw.text)).not.toContain(200);
    await stillServing(running.url);
  });

  it('a garbage request line gets a 400 or a close, never a crash; others are served meanwhile', async () => {
    // uWS never hands such a line to JavaScript: it closes the connection at its 10 s idle timeout.
    const waitMs = name === 'uws' ? 13_000 : 2_000;
    const garbage = rawRequest(running.port, 'HELLO THERE\r\n\r\n', waitMs);
    await stillServing(running.url);
    const raw = await garbage;
    expect(raw.closed).toBe(true);
    expect(statusesOf(raw.text)).toEqual(name === 'uws' ? [] : [400]);
  }, 20_000);

  it('a slow sender (headers and body trickled in) is still answered', async () => {
    const body = '{"slow":true}';
    const parts = [
      'POST /echo HTTP/1.1\r\n',
      'Host: x\r\nContent-Type: application/json\r\n',
      `Content-Length: ${body.length}\r\n\r\n`,
      body.slice(0, 5),
      body.slice(5),
    ];
    const raw = await rawRequest(running.port, parts, 1500, 100);
    expect(statusesOf(raw.text)).toEqual([201]);
    expect(raw.text).toContain('{"slow":true}');
  });

  it('a client that aborts mid-body loses nothing for others', async () => {
    const before = (running.app.get(TargetController) as TargetController).received.length;
    await rawRequest(running.port, 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"partial":', 200);
    await stillServing(running.url);
    // The half-sent body never reached the handler.
    expect((running.app.get(TargetController) as TargetController).received.length).toBe(before);
  });

  it('a declared body larger than the limit → 413 before it is read, connection closed', async () => {
    const raw = await rawRequest(running.port, `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n{"a":`, 1500);
    expect(statusesOf(raw.text)).toEqual([413]);
    expect(raw.closed).toBe(true);
    await stillServing(running.url);
  });

  it('header names are case-insensitive', async () => {
    const raw = await rawRequest(running.port, 'POST /echo HTTP/1.1\r\nhOsT: x\r\ncOnTeNt-TyPe: application/json\r\nCONTENT-LENGTH: 2\r\n\r\n{}', 800);
    expect(statusesOf(raw.text)).toEqual([201]);
  });
});

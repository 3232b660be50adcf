import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { App, Body, Controller, Get, HttpResponse, Module, Post, get, post, timeout, type MicroServer } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';
import { rawRequest, statusesOf } from '../support/raw-http';

/** Streams handed out after their request had timed out, to check they were destroyed. */
const lateStreams: Readable[] = [];

@Controller()
class WorkController {
  @Get('fast')
  fast() {
    return 'fast';
  }

  @Get('slow')
  async slow() {
    await sleep(400);
    return 'too late';
  }

  @Post('upload')
  upload(@Body() body: unknown) {
    return { received: body };
  }

  @Post('slow-after-body')
  async slowAfterBody(@Body() body: unknown) {
    await sleep(400);
    return { received: body };
  }

  @Post('ignores-body')
  async ignoresBody() {
    await sleep(400);
    return 'never read';
  }

  @Get('late-stream')
  async lateStream() {
    await sleep(200);
    const stream = new Readable({ read() {} }); // would never end by itself
    lateStreams.push(stream);
    return stream;
  }
}

@Module({ controllers: [WorkController] })
class AppModule {}

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

describe.each(ADAPTERS)('timeout (%s)', (_name, createAdapter) => {
  let running: RunningApp;
  let generous: RunningApp;

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, (app) => app.use(timeout(100)));
    generous = await startApp(AppModule, createAdapter, {}, (app) => app.use(timeout({ ms: 10_000 })));
  });
  afterAll(async () => {
    await running.close();
    await generous.close();
  });

  it('lets a route that answers in time through', async () => {
    const res = await request(`${running.url}/fast`);
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe('fast');
  });

  it('answers 503 when the request was complete but the route was too slow', async () => {
    const started = Date.now();
    const res = await request(`${running.url}/slow`);
    expect(res.statusCode).toBe(503);
    expect(await res.body.json()).toEqual({ statusCode: 503, message: 'Request timed out', error: 'Service Unavailable' });
    expect(Date.now() - started).toBeLessThan(380);
  });

  it('answers 503 for a POST whose body was read in full before the route stalled', async () => {
    const res = await request(`${running.url}/slow-after-body`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(res.statusCode).toBe(503);
    await res.body.dump();
  });

  it('answers 408 and closes the connection when the body is still arriving', async () => {
    const head = 'POST /upload HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    const { text, closed } = await rawRequest(running.port, [head, '{"partial":'], 1500);
    expect(statusesOf(text)).toEqual([408]);
    expect(text).toContain('{"statusCode":408,"message":"Request timed out","error":"Request Timeout"}');
    expect(closed).toBe(true);
  });

  it('counts a declared body that nobody read as not received (408)', async () => {
    const res = await request(`${running.url}/ignores-body`, { method: 'POST', body: 'unread' });
    expect(res.statusCode).toBe(408);
    await res.body.dump();
  });

  it('destroys a stream that arrives after the timeout answer', async () => {
    const before = lateStreams.length;
    const res = await request(`${running.url}/late-stream`);
    expect(res.statusCode).toBe(503);
    await res.body.dump();
    for (let i = 0; i < 50 && lateStreams.length === before; i++) await sleep(20);
    expect(lateStreams.length).toBe(before + 1);
    const late = lateStreams[before];
    for (let i = 0; i < 50 && !late.destroyed; i++) await sleep(10);
    expect(late.destroyed).toBe(true);
  });

  it('keeps serving after timeouts', async () => {
    const res = await request(`${running.url}/fast`);
    expect(res.statusCode).toBe(200);
    await res.body.dump();
  });

  it('clears its timer when the route answers: no timers left after many requests', async () => {
    const baseline = activeTimers();
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 30 }, async () => {
          const res = await request(`${generous.url}/fast`);
          expect(res.statusCode).toBe(200);
          await res.body.dump();
        }),
      );
    }
    // 300 requests under a 10 s limit: uncleared timers would all still be pending now.
    expect(activeTimers()).toBeLessThanOrEqual(baseline + 5);
  });
});

describe('timeout options', () => {
  it('uses the configured statuses and message', async () => {
    const running = await startApp(AppModule, ADAPTERS[0][1], {}, (app) => app.use(timeout({ ms: 50, status: 504, bodyStatus: 400, message: 'took too long' })));
    try {
      const slow = await request(`${running.url}/slow`);
      expect(slow.statusCode).toBe(504);
      expect(await slow.body.json()).toEqual({ statusCode: 504, message: 'took too long', error: 'Gateway Timeout' });
      const unread = await request(`${running.url}/ignores-body`, { method: 'POST', body: 'x' });
      expect(unread.statusCode).toBe(400);
      await unread.body.dump();
    } finally {
      await running.close();
    }
  });

  it('refuses nonsense limits and statuses at startup', () => {
    expect(() => timeout(0)).toThrow(/ms must be/);
    expect(() => timeout(Number.NaN)).toThrow(/ms must be/);
    expect(() => timeout(2 ** 31)).toThrow(/ms must be/);
    expect(() => timeout({ ms: 10, status: 200 })).toThrow(/error status/);
  });
});

describe.each(ADAPTERS)('timeout in a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  let microLate: Readable | undefined;
  beforeAll(async () => {
    server = await App.new({ adapter: createAdapter, logger: false })
      .wrap(timeout(100))
      .route('/slow', get(async () => {
        await sleep(300);
        return 'late';
      }))
      .route('/echo', post(async (req) => ({ got: await req.json() })))
      .route('/late-stream', get(async () => {
        await sleep(200);
        microLate = new Readable({ read() {} });
        return HttpResponse.stream(microLate);
      }))
      .run({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('answers 503 for a slow handler, 408 for a body still arriving, and destroys a late stream', async () => {
    const slow = await request(`${server.url}/slow`);
    expect(slow.statusCode).toBe(503);
    expect(await slow.body.json()).toEqual({ statusCode: 503, message: 'Request timed out', error: 'Service Unavailable' });

    const head = 'POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n';
    const partial = await rawRequest(server.port, [head, '{"half":'], 1500);
    expect(statusesOf(partial.text)).toEqual([408]);
    expect(partial.closed).toBe(true);

    const complete = await request(`${server.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(complete.statusCode).toBe(201); // POST answers 201 by default, as in NestJS
    expect(await complete.body.json()).toEqual({ got: { a: 1 } });

    const late = await request(`${server.url}/late-stream`);
    expect(late.statusCode).toBe(503);
    await late.body.dump();
    for (let i = 0; i < 100 && !microLate?.destroyed; i++) await sleep(10);
    expect(microLate?.destroyed).toBe(true);
  });
});

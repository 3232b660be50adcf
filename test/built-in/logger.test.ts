import { execFile } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { request } from 'undici';
import pino from 'pino';
import {
  App,
  BadRequestException,
  get,
  type MicroServer,
  Controller,
  Get,
  Logger,
  Module,
  isArmatureMiddleware,
  requestId,
  requestLogger,
  type LoggerService,
  type RequestLoggerOptions,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

@Controller()
class LoggedController {
  @Get('users/:id')
  user() {
    return { id: 1 };
  }

  @Get('bad')
  bad() {
    throw new BadRequestException('no good');
  }

  @Get('crash')
  crash() {
    throw new Error('database password rejected');
  }

  @Get('stream')
  stream() {
    return Readable.from(['a', 'b', 'c']);
  }

  @Get('broken-stream')
  brokenStream() {
    return new Readable({
      read() {
        this.push('start');
        setImmediate(() => this.destroy(new Error('disk went away')));
      },
    });
  }
}

@Module({ controllers: [LoggedController] })
class AppModule {}

interface Line {
  level: number;
  msg: string;
  req: { id?: string; method: string; path: string; headers?: Record<string, string> };
  res: { statusCode: number };
  responseTime: number;
  err?: { type: string; message: string; stack: string };
}

/** A pino destination that keeps every line, raw and parsed. */
function captured() {
  const raw: string[] = [];
  const lines: Line[] = [];
  const destination = {
    write(text: string) {
      raw.push(text);
      lines.push(JSON.parse(text) as Line);
    },
  };
  return { raw, lines, destination };
}

async function waitForLines(lines: unknown[], count: number): Promise<void> {
  for (let i = 0; i < 100 && lines.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.each(ADAPTERS)('requestLogger (%s)', (_name, createAdapter) => {
  const sink = captured();
  let running: RunningApp;

  beforeAll(async () => {
    const options: RequestLoggerOptions = {
      destination: sink.destination,
      requestHeaders: ['authorization', 'x-trace'],
      redact: ['req.headers.authorization'],
    };
    // The logger is outermost and requestId inside it: the id is still on the line.
    running = await startApp(AppModule, createAdapter, {}, (app) => app.use(Logger.requests(options), requestId()));
  });
  afterAll(() => running.close());
  beforeEach(() => {
    sink.lines.length = 0;
    sink.raw.length = 0;
  });

  it('writes one info line per request with method, path, status, duration and request id', async () => {
    const res = await request(`${running.url}/users/7?secret=query`, { headers: { 'x-request-id': 'req-42' } });
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    await waitForLines(sink.lines, 1);
    expect(sink.lines).toHaveLength(1);
    const [line] = sink.lines;
    expect(line.level).toBe(30);
    expect(line.req).toEqual({ id: 'req-42', method: 'GET', path: '/users/7' });
    expect(line.res).toEqual({ statusCode: 200 });
    expect(typeof line.responseTime).toBe('number');
    expect(line.responseTime).toBeGreaterThanOrEqual(0);
    expect(line.msg).toMatch(/^GET \/users\/7 200 [\d.]+ms$/);
    expect(sink.raw[0]).not.toContain('secret=query'); // the path is logged without its query string
    expect(line.err).toBeUndefined();
  });

  it('hides redacted paths and keeps the other chosen headers', async () => {
    const res = await request(`${running.url}/users/7`, { headers: { authorization: 'Bearer top-secret-token', 'x-trace': 't-1', cookie: 'sid=abc' } });
    await res.body.dump();
    await waitForLines(sink.lines, 1);
    expect(sink.lines[0].req.headers).toEqual({ authorization: '[Redacted]', 'x-trace': 't-1' });
    expect(sink.raw.join('')).not.toContain('top-secret-token');
    expect(sink.raw.join('')).not.toContain('sid=abc'); // not a chosen header
  });

  it('logs 4xx at warn without an error, and 404s', async () => {
    for (const path of ['/bad', '/missing']) {
      const res = await request(`${running.url}${path}`);
      await res.body.dump();
    }
    await waitForLines(sink.lines, 2);
    expect(sink.lines.map((line) => [line.level, line.res.statusCode, line.req.path])).toEqual([
      [40, 400, '/bad'],
      [40, 404, '/missing'],
    ]);
    expect(sink.lines.every((line) => line.err === undefined)).toBe(true);
  });

  it('logs a 5xx at error with the error behind it, which the client never sees', async () => {
    const res = await request(`${running.url}/crash`);
    expect(res.statusCode).toBe(500);
    expect(await res.body.text()).not.toContain('database password');
    await waitForLines(sink.lines, 1);
    const [line] = sink.lines;
    expect(line.level).toBe(50);
    expect(line.err).toMatchObject({ type: 'Error', message: 'database password rejected' });
    expect(line.err?.stack).toContain('LoggedController.crash');
    expect(line.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a streamed response once the stream ended, and a stream that failed at error', async () => {
    const res = await request(`${running.url}/stream`);
    expect(await res.body.text()).toBe('abc');
    await waitForLines(sink.lines, 1);
    expect(sink.lines.map((line) => [line.level, line.res.statusCode])).toEqual([[30, 200]]);

    const broken = await request(`${running.url}/broken-stream`);
    await broken.body.text().catch(() => undefined); // the connection is cut mid-body
    await waitForLines(sink.lines, 2);
    expect(sink.lines).toHaveLength(2);
    expect(sink.lines[1].level).toBe(50);
    expect(sink.lines[1].err?.message).toBe('disk went away');
  });
});

describe('requestLogger options', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('writes nothing below the configured level', async () => {
    const sink = captured();
    running = await startApp(AppModule, ADAPTERS[0][1], {}, (app) => app.use(requestLogger({ level: 'warn', destination: sink.destination })));
    for (const path of ['/users/1', '/bad', '/users/2']) await (await request(`${running.url}${path}`)).body.dump();
    await waitForLines(sink.lines, 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sink.lines.map((line) => line.res.statusCode)).toEqual([400]);
  });

  it('takes the level from a custom mapping', async () => {
    const sink = captured();
    running = await startApp(AppModule, ADAPTERS[1][1], {}, (app) =>
      app.use(requestLogger({ level: 'debug', destination: sink.destination, levelForStatus: (status) => (status === 404 ? 'debug' : 'info') })),
    );
    await (await request(`${running.url}/missing`)).body.dump();
    await waitForLines(sink.lines, 1);
    expect(sink.lines[0].level).toBe(20);
  });

  it('never lets a logging failure change the answer', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const failing = {
        write: () => {
          throw new Error('disk full');
        },
      };
      running = await startApp(AppModule, ADAPTERS[1][1], {}, (app) =>
        app.use(requestLogger({ destination: failing, levelForStatus: (status) => (status === 404 ? ('loud' as never) : 'info') })),
      );
      const ok = await request(`${running.url}/users/1`);
      expect(ok.statusCode).toBe(200);
      await ok.body.dump();
      const missing = await request(`${running.url}/missing`);
      expect(missing.statusCode).toBe(404);
      await missing.body.dump();
      // The destination failed for the 200's line; the 404's made-up level is one pino does not enable.
      expect(emitWarning.mock.calls.map(([message]) => String(message))).toEqual(['requestLogger could not write a line: disk full']);
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('writes through a pino logger you pass, with its bindings', async () => {
    const sink = captured();
    const base = pino({ base: { service: 'billing' } }, sink.destination);
    running = await startApp(AppModule, ADAPTERS[1][1], {}, (app) => app.use(requestLogger({ logger: base, redact: ['req.path'] })));
    await (await request(`${running.url}/users/3`)).body.dump();
    await waitForLines(sink.lines, 1);
    expect(sink.lines[0]).toMatchObject({ service: 'billing', req: { path: '[Redacted]' } });
    expect(() => requestLogger({ logger: base, destination: sink.destination })).toThrow(/cannot apply/);
  });

  it('declares exactly the headers it reads', async () => {
    const sink = captured();
    running = await startApp(AppModule, ADAPTERS[0][1], {}, (app) => app.use(requestLogger({ destination: sink.destination, requestHeaders: 'all' })));
    await (await request(`${running.url}/users/3`, { headers: { 'x-anything': 'yes' } })).body.dump();
    await waitForLines(sink.lines, 1);
    expect(sink.lines[0].req.headers).toMatchObject({ 'x-anything': 'yes' });
  });
});

describe('Logger (NestJS class) with request-logging factories', () => {
  it('makes Armature middleware from Logger.default() and Logger.requests()', () => {
    expect(isArmatureMiddleware(Logger.default())).toBe(true);
    expect(isArmatureMiddleware(Logger.requests({ level: 'silent' }))).toBe(true);
  });

  it('keeps the NestJS static and instance logging', () => {
    const calls: unknown[][] = [];
    const target: LoggerService = { log: (...args) => void calls.push(['log', ...args]), warn() {}, error: (...args) => void calls.push(['error', ...args]) };
    Logger.overrideLogger(target);
    try {
      Logger.log('static hello', 'Boot');
      new Logger('Users').log('instance hello');
      Logger.error('failed', 'stack-text', 'Jobs');
      expect(calls).toEqual([
        ['log', 'static hello', 'Boot'],
        ['log', 'instance hello', 'Users'],
        ['error', 'failed', 'stack-text', 'Jobs'],
      ]);
    } finally {
      Logger.overrideLogger(false);
    }
  });
});

describe('pino loading', () => {
  // Runs the built package (npm test builds first) in a fresh process, where require.cache tells the truth.
  it('is loaded only when a request logger is built', async () => {
    const script = `
      const isPino = (file) => file.includes('/node_modules/pino/');
      const core = require('@armature/core');
      const before = Object.keys(require.cache).some(isPino);
      core.requestLogger({ level: 'silent' });
      const after = Object.keys(require.cache).some(isPino);
      console.log(JSON.stringify({ before, after }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: path.join(__dirname, '../..') });
    expect(JSON.parse(stdout.trim())).toEqual({ before: false, after: true });
  });
});

describe.each(ADAPTERS)('requestLogger in a micro app (%s)', (_name, createAdapter) => {
  const sink = captured();
  let server: MicroServer;
  beforeAll(async () => {
    server = await App.new({ adapter: createAdapter, logger: false })
      .wrap(Logger.requests({ destination: sink.destination }), requestId())
      .route('/ok', get(() => ({ ok: true })))
      .route('/fail', get(() => {
        throw new TypeError('cannot read the ledger');
      }))
      .run({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('logs each request with its id, and a failing handler at error with the error', async () => {
    await (await request(`${server.url}/ok`, { headers: { 'x-request-id': 'm-1' } })).body.dump();
    const failed = await request(`${server.url}/fail`);
    expect(failed.statusCode).toBe(500);
    await failed.body.dump();
    await waitForLines(sink.lines, 2);
    expect(sink.lines[0]).toMatchObject({ level: 30, req: { id: 'm-1', method: 'GET', path: '/ok' }, res: { statusCode: 200 } });
    expect(sink.lines[1]).toMatchObject({ level: 50, res: { statusCode: 500 }, err: { type: 'TypeError', message: 'cannot read the ledger' } });
  });
});

// Dispatch cost of micro routes next to decorator routes, without sockets: route lookup, the
// route's closure and the write into an exchange that drops it. Both are compiled into one table,
// so what differs is only the closure each API compiles. Also measures what copying every header
// costs on uWS (the micro API's default), with the uWS adapter's own header pass.
// Run: cd /work/main && npx ts-node --transpile-only packages/core/test/micro/dispatch.bench.ts
import 'reflect-metadata';
import { ArmatureFactory, ArmatureRequest, Body, Controller, Get, Module, Param, Post, get, post, scope, type HttpExchange, type IncomingHeaders } from '../../src';
import { RequestHeaderScan } from '../../../platform-uws/src/request-guards';
import { TableAdapter } from './support';

@Controller('dec')
class BenchController {
  @Get('json')
  json() {
    return { message: 'Hello, World!' };
  }

  @Get('users/:id')
  user(@Param('id') id: string) {
    return { id, name: `User ${id}` };
  }

  @Post('echo')
  echo(@Body() body: unknown) {
    return body;
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

const BODY = Buffer.from('{"id":12345,"name":"Ada Lovelace","active":true}');

/** Drops the answer; counts it so the work cannot be optimised away. */
let answered = 0;
const exchange: HttpExchange = {
  aborted: false,
  readBody: () => Promise.resolve(BODY),
  bodyStream: () => {
    throw new Error('not used');
  },
  send: () => {
    answered++;
  },
  stream: () => {
    answered++;
  },
};

async function buildTable() {
  const adapter = new TableAdapter();
  const app = await ArmatureFactory.create(BenchModule, adapter, { logger: false });
  app.mount(
    scope('/micro')
      .route('/json', get(() => ({ message: 'Hello, World!' })))
      .route('/users/:id', get((req) => ({ id: req.param('id'), name: `User ${req.param('id')}` })))
      .route('/echo', post((req) => req.json(), { status: 201 })),
  );
  await app.init();
  return adapter.table!;
}

/**
 * Nanoseconds per call of each function: rounds alternate between the functions (so that load on
 * the machine and JIT tiering hit all of them alike) and the median round is kept.
 */
function nsPerCall(fns: ReadonlyArray<() => unknown>, calls: number, rounds = 21): number[] {
  for (const fn of fns) for (let i = 0; i < calls; i++) fn();
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, index) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) fn();
      samples[index].push(Number(process.hrtime.bigint() - start) / calls);
    });
  }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(rounds / 2)]);
}

/** The same for async work: `calls` requests in flight at once per sample. */
async function nsPerAsyncCall(fns: ReadonlyArray<() => Promise<unknown>>, calls: number, rounds = 21): Promise<number[]> {
  const batch = (fn: () => Promise<unknown>) => Promise.all(Array.from({ length: calls }, fn));
  for (const fn of fns) await batch(fn);
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < fns.length; index++) {
      const start = process.hrtime.bigint();
      await batch(fns[index]);
      samples[index].push(Number(process.hrtime.bigint() - start) / calls);
    }
  }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(rounds / 2)]);
}

/** A uWS-like request whose forEach visits `count` headers (host, a few usual ones, then filler). */
function headerSource(count: number) {
  const usual: Array<[string, string]> = [
    ['host', '127.0.0.1:3000'],
    ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'],
    ['accept', 'application/json, text/plain, */*'],
    ['accept-encoding', 'gzip, deflate, br'],
    ['accept-language', 'en-GB,en;q=0.9'],
    ['connection', 'keep-alive'],
    ['cookie', 'session=abc123; theme=dark'],
    ['referer', 'https://example.com/page'],
    ['origin', 'https://example.com'],
    ['sec-fetch-mode', 'cors'],
    ['sec-fetch-site', 'same-origin'],
    ['authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc'],
  ];
  const lines = usual.slice(0, count);
  return { forEach: (visit: (name: string, value: string) => void) => lines.forEach(([name, value]) => visit(name, value)) };
}

async function main(): Promise<void> {
  const table = await buildTable();
  const dispatch = (method: string, path: string, headers: IncomingHeaders) => {
    const match = table.lookup(method, path);
    match.handle.run(new ArmatureRequest(method, path, '', headers, match.params), exchange);
  };
  const getHeaders = () => ({ host: 'bench' });
  const postHeaders = () => ({ host: 'bench', 'content-type': 'application/json', 'content-length': String(BODY.length) });

  const rows: Record<string, Record<string, string | number>> = {};
  const compare = (name: string, [decorator, micro]: number[]) => {
    rows[name] = { 'decorators ns': Math.round(decorator), 'micro ns': Math.round(micro), 'micro vs decorators': `${(((micro - decorator) / decorator) * 100).toFixed(1)}%` };
  };
  compare('GET /json', nsPerCall([() => dispatch('GET', '/dec/json', getHeaders()), () => dispatch('GET', '/micro/json', getHeaders())], 50_000));
  compare('GET /users/:id', nsPerCall([() => dispatch('GET', '/dec/users/42', getHeaders()), () => dispatch('GET', '/micro/users/42', getHeaders())], 50_000));
  const done = (method: string, path: string) => () =>
    new Promise<void>((resolve) => {
      const match = table.lookup(method, path);
      const own: HttpExchange = { ...exchange, send: () => resolve() };
      match.handle.run(new ArmatureRequest(method, path, '', postHeaders(), match.params), own);
    });
  compare('POST /echo (body read, parsed, echoed)', await nsPerAsyncCall([done('POST', '/dec/echo'), done('POST', '/micro/echo')], 2_000));
  console.log(`# micro vs decorator dispatch, node ${process.version} (${answered} answers)`);
  console.table(rows);

  // What copying every header costs on uWS: the adapter's header pass without a sink (a route
  // reading named headers) and with one (every header stored in request.headers).
  const headerRows: Record<string, Record<string, string | number>> = {};
  const scan = new RequestHeaderScan(16 * 1024);
  for (const count of [3, 6, 12]) {
    const source = headerSource(count);
    const [without, withSink] = nsPerCall([() => scan.inspect(source, 40, null), () => scan.inspect(source, 40, {})], 100_000);
    headerRows[`${count} headers`] = { 'scan only ns': Math.round(without), 'scan + copy all ns': Math.round(withSink), 'copy costs ns': Math.round(withSink - without) };
  }
  console.log('# uWS header pass: copying every header');
  console.table(headerRows);
}

void main();

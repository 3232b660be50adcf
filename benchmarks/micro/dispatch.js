'use strict';
// Dispatch cost of compiled routes, without sockets: route lookup + the route's closure + the write
// into an exchange that discards it. Used to show that a route with no pipeline stages runs the
// same code path before and after a change (compare two builds of @armature/core):
//   node benchmarks/micro/dispatch.js                      # this tree's packages/core/dist
//   node benchmarks/micro/dispatch.js --core /path/to/core/dist --label before
require('reflect-metadata');
const path = require('node:path');
const { Bench } = require('tinybench');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const coreDir = path.resolve(option('--core', path.join(__dirname, '../../packages/core/dist')));
const label = option('--label', 'current');
const core = require(coreDir);

/** An exchange that drops the response and tells when it came: what is measured is Armature's own work. */
function discardingExchange(done) {
  return {
    aborted: false,
    readBody: () => Promise.resolve(Buffer.from('{"a":1,"b":"two"}')),
    bodyStream: () => {
      throw new Error('not used');
    },
    send: done,
    stream: done,
  };
}

/** A do-nothing adapter that just keeps the compiled table. */
function tableCapture() {
  return {
    name: 'bench',
    table: undefined,
    init(table) {
      this.table = table;
    },
    listen: async () => undefined,
    address: () => null,
    close: async () => undefined,
    getHttpServer: () => undefined,
    getInstance: () => undefined,
  };
}

function decorate(cls, key, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
  Object.defineProperty(cls.prototype, key, Reflect.decorate(decorators, cls.prototype, key, descriptor) || descriptor);
}
const param = (index, decorator) => (target, key) => decorator(target, key, index);

async function buildTable() {
  const { Module, Controller, Get, Param, ArmatureFactory } = core;
  class BenchController {
    json() {
      return { message: 'Hello, World!' };
    }
    user(id) {
      return { id, name: `User ${id}` };
    }
  }
  decorate(BenchController, 'json', [Get('json')]);
  decorate(BenchController, 'user', [Get('users/:id'), param(0, Param('id')), Reflect.metadata('design:paramtypes', [String])]);
  const withGuard = typeof core.UseGuards === 'function';
  if (withGuard) {
    BenchController.prototype.guarded = function guarded() {
      return { guarded: true };
    };
    decorate(BenchController, 'guarded', [Get('guarded'), core.UseGuards({ canActivate: () => true })]);
  }
  Reflect.decorate([Controller()], BenchController);
  class BenchModule {}
  Reflect.decorate([Module({ controllers: [BenchController] })], BenchModule);
  const adapter = tableCapture();
  const app = await ArmatureFactory.create(BenchModule, adapter, { logger: false });
  await app.init();
  return { table: adapter.table, withGuard };
}

async function main() {
  const { table, withGuard } = await buildTable();
  const { ArmatureRequest } = core;
  // Each dispatch resolves when the route wrote its response (synchronously for plain routes).
  const dispatch = (method, url) =>
    new Promise((resolve) => {
      const match = table.lookup(method, url);
      match.handle.run(new ArmatureRequest(method, url, '', {}, match.params), discardingExchange(resolve));
    });
  const bench = new Bench({ time: Number(option('--time', 1500)), warmup: true });
  bench.add('GET /json (no pipeline stages)', () => dispatch('GET', '/json'));
  bench.add('GET /users/:id (no pipeline stages)', () => dispatch('GET', '/users/42'));
  bench.add('GET /nope (404)', () => dispatch('GET', '/nope'));
  if (withGuard) bench.add('GET /guarded (one guard: pipeline path)', () => dispatch('GET', '/guarded'));
  await bench.run();
  console.log(`# dispatch (${label}: ${coreDir}), node ${process.version}`);
  console.log('| route | median ns/op | p75 ns/op | samples |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const task of bench.tasks) {
    const latency = task.result.latency; // milliseconds
    console.log(`| ${task.name} | ${(latency.p50 * 1e6).toFixed(0)} | ${(latency.p75 * 1e6).toFixed(0)} | ${latency.samplesCount ?? latency.samples?.length} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

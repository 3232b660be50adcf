'use strict';
// Instructions per dispatch of one route, without sockets (lookup + closure + a send that drops
// the answer), counted by callgrind: run once with N and once with 2N dispatches; the difference
// divided by N is the per-dispatch cost, startup and JIT warm-up cancelled out.
//   node packages/core/test/micro/ab/dispatch-instructions.js [N]
// (re-runs itself under valgrind; loads the built packages)
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROUTES = {
  'decorators GET /json': ['GET', '/d/json'],
  'micro GET /json': ['GET', '/m/json'],
  'decorators GET /users/:id': ['GET', '/d/users/42'],
  'micro GET /users/:id': ['GET', '/m/users/42'],
};

async function child(method, url, count) {
  require('reflect-metadata');
  const core = require('@armature/core');
  const { ArmatureFactory, Module, Controller, Get, Param, ArmatureRequest, scope, get } = core;
  const decorate = (cls, key, decorators) => {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, key);
    Object.defineProperty(cls.prototype, key, Reflect.decorate(decorators, cls.prototype, key, d) || d);
  };
  class C {
    json() {
      return { message: 'Hello, World!' };
    }
    user(id) {
      return { id, name: `User ${id}` };
    }
  }
  decorate(C, 'json', [Get('json')]);
  decorate(C, 'user', [Get('users/:id'), (t, k) => Param('id')(t, k, 0), Reflect.metadata('design:paramtypes', [String])]);
  Reflect.decorate([Controller('d')], C);
  class M {}
  Reflect.decorate([Module({ controllers: [C] })], M);
  const adapter = { name: 'x', init(table) { this.table = table; }, listen: async () => {}, address: () => null, close: async () => {}, getHttpServer() {}, getInstance() {} };
  const app = await ArmatureFactory.create(M, adapter, { logger: false });
  app.mount(scope('/m').route('/json', get(() => ({ message: 'Hello, World!' }))).route('/users/:id', get((req) => ({ id: req.param('id'), name: `User ${req.param('id')}` }))));
  await app.init();
  let sent = 0;
  const exchange = { aborted: false, readBody: () => Promise.resolve(Buffer.alloc(0)), bodyStream() {}, send: () => sent++, stream: () => sent++ };
  for (let i = 0; i < count; i++) {
    const match = adapter.table.lookup(method, url);
    match.handle.run(new ArmatureRequest(method, url, '', { host: 'x' }, match.params), exchange);
  }
  if (sent !== count) throw new Error(`sent ${sent} of ${count}`);
}

/** Instructions valgrind counted for a whole child run of `count` dispatches. */
function instructions(name, count) {
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', __filename, '--child', ...ROUTES[name], String(count)], {
    encoding: 'utf8',
    cwd: path.join(__dirname, '../../../../..'),
  });
  const match = /refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || match === null) throw new Error(`child failed: ${run.stderr}`);
  return Number(match[1].replace(/,/g, ''));
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4], Number(process.argv[5])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const n = Number(process.argv[2] ?? 200000);
  console.log(`| route | instructions per dispatch (callgrind, ${n} vs ${2 * n} dispatches) |`);
  console.log('| --- | ---: |');
  for (const name of Object.keys(ROUTES)) {
    const perDispatch = (instructions(name, 2 * n) - instructions(name, n)) / n;
    console.log(`| ${name} | ${Math.round(perDispatch)} |`);
  }
}

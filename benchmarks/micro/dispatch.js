'use strict';
// Dispatch cost of compiled routes, without sockets: route lookup + ArmatureRequest + the route's
// closure + the write into an exchange that drops the answer: Armature's own work per request,
// with the adapter's native calls left out. Measured for apps of 10, 100 and 1000 routes
// (lib/generated-app.js), each operation cycling over routes spread across all controllers, so
// that a flat row means the per-request cost does not grow with the app.
//   node benchmarks/micro/dispatch.js [--routes 10,100,1000] [--time 1000] [--core DIR]
// Compare two builds of @armature/core (e.g. before/after a change):
//   node benchmarks/micro/dispatch.js --core /path/to/other/packages/core/dist
require('reflect-metadata');
const { Bench } = require('tinybench');
const { loadCore, routeCounts, benchOptions, clockName, printTable } = require('./lib/options');
const { appModule, buildApp } = require('./app-build');
const { ROUTES_PER_CONTROLLER } = require('../lib/generated-app');

const BATCH = 256;
const BODY = Buffer.from(JSON.stringify({ name: 'Ada', tags: ['math', 'engines'] }));
const BODY_HEADERS = { 'content-type': 'application/json', 'content-length': String(BODY.length) };

/** An exchange that drops the response and counts it: what is measured is Armature's own work. */
class DiscardingExchange {
  constructor(onSent) {
    this.aborted = false;
    this.draining = false;
    this.onSent = onSent;
  }
  readBody() {
    return Promise.resolve(BODY);
  }
  bodyStream() {
    throw new Error('not used');
  }
  send(status) {
    if (status >= 400) throw new Error(`route answered ${status}`);
    this.onSent();
  }
  stream() {
    this.onSent();
  }
}

/** `count` request paths of one kind, spread over the controllers of an app of `routes` routes. */
function spread(routes, make) {
  const controllers = Math.ceil(routes / ROUTES_PER_CONTROLLER);
  return Array.from({ length: BATCH }, (_, k) => make(Math.floor((k * controllers) / BATCH)));
}

const CASES = {
  'GET static (/resourceN/stats/count)': { method: 'GET', path: (c) => `/resource${c}/stats/count` },
  'GET one param (/resourceN/:id)': { method: 'GET', path: (c) => `/resource${c}/${1000 + c}` },
  'GET two params (/resourceN/:id/notes/:noteId)': { method: 'GET', path: (c) => `/resource${c}/${c}/notes/${c + 7}` },
  'POST with a JSON body (/resourceN)': { method: 'POST', path: (c) => `/resource${c}`, body: true },
};

async function measure() {
  const { core } = loadCore();
  const { ArmatureRequest } = core;
  const results = [];
  for (const [name, kase] of Object.entries(CASES)) {
    const bench = new Bench(benchOptions());
    for (const count of routeCounts()) {
      if (count < ROUTES_PER_CONTROLLER) continue;
      const table = await buildApp(core, appModule(core, count, false));
      const paths = spread(count, kase.path);
      const headers = kase.body ? BODY_HEADERS : undefined;
      if (kase.body) {
        // Body routes finish after a resolved promise: one operation = BATCH dispatches awaited together.
        bench.add(`${count} routes`, async () => {
          let sent = 0;
          const pending = [];
          for (let i = 0; i < BATCH; i++) {
            pending.push(
              new Promise((resolve) => {
                const match = table.lookup('POST', paths[i]);
                match.handle.run(new ArmatureRequest('POST', paths[i], '', { ...headers }, match.params), new DiscardingExchange(() => resolve(sent++)));
              }),
            );
          }
          await Promise.all(pending);
          if (sent !== BATCH) throw new Error(`${sent} answers`);
        });
      } else {
        let sent = 0;
        const exchange = new DiscardingExchange(() => sent++);
        bench.add(`${count} routes`, () => {
          sent = 0;
          for (let i = 0; i < BATCH; i++) {
            const match = table.lookup(kase.method, paths[i]);
            match.handle.run(new ArmatureRequest(kase.method, paths[i], '', {}, match.params), exchange);
          }
          if (sent !== BATCH) throw new Error(`${sent} answers`);
        });
      }
    }
    await bench.run();
    for (const row of printTable(`dispatch: ${name} (${clockName()}, per request)`, bench, { perOp: BATCH })) {
      results.push({ case: name, count: Number(/^(\d+) routes/.exec(row.name)[1]), ...row });
    }
  }
  return results;
}

if (require.main === module) {
  console.log(`# dispatch of compiled routes, node ${process.version} (${loadCore().dir})`);
  measure().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { measure, DiscardingExchange };

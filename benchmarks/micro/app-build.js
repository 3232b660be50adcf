'use strict';
// App build time: ArmatureFactory.create + app.init() (module scan, DI, route exploration and
// compilation, the route table) for apps of 10, 100 and 1000 routes (lib/generated-app.js), with a
// do-nothing adapter, so no socket is involved.
//  - warm: tinybench, in one process, the code already optimised: the framework's own work;
//  - cold: a fresh process per sample, first build only (what a deploy pays), with `require` of
//    @armature/core timed separately. Medians of --cold-runs processes.
//   node benchmarks/micro/app-build.js [--routes 10,100,1000] [--time 1000] [--cold-runs 5] [--schemas]
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Bench } = require('tinybench');
const { args, option, loadCore, routeCounts, benchOptions, clockName, printTable } = require('./lib/options');
const { median } = require('../lib/stats');

/** An adapter that keeps the compiled table and opens nothing. */
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

/** The root module of an app with `routes` routes (declaring its classes is the app's import cost, not the build's). */
function appModule(core, routes, schemas) {
  const { createGeneratedModule } = require('../lib/generated-app');
  return createGeneratedModule(core, { routes, schemas });
}

/** Builds one app from its root module and returns its route table. */
async function buildApp(core, rootModule) {
  const adapter = tableCapture();
  const app = await core.ArmatureFactory.create(rootModule, adapter, { logger: false });
  await app.init();
  return adapter.table;
}

/** One cold sample, run in a child process: prints {requireMs, buildMs}. */
async function coldSample() {
  const started = performance.now();
  const { core } = loadCore();
  const required = performance.now();
  const rootModule = appModule(core, Number(option('--cold-routes')), args.includes('--schemas'));
  const declared = performance.now();
  await buildApp(core, rootModule);
  const built = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: required - started, buildMs: built - declared }));
}

async function measureWarm(core, schemas) {
  const bench = new Bench({ ...benchOptions(), warmupTime: 500 });
  for (const count of routeCounts()) {
    const rootModule = appModule(core, count, schemas);
    bench.add(`${count} routes${schemas ? ', with schemas' : ''}: create + init`, async () => {
      await buildApp(core, rootModule);
    });
  }
  await bench.run();
  return printTable(`app build, warm (in-process, ${clockName()})`, bench, { unit: 'ms' }).map((row) => ({
    count: Number(/^(\d+) routes/.exec(row.name)[1]),
    ...row,
  }));
}

function measureCold(schemas) {
  const runs = Number(option('--cold-runs', 5));
  const rows = [];
  console.log(`\n### app build, cold (a fresh process per sample, median of ${runs})\n`);
  console.log('| case | require @armature/core | create + init | total |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const count of routeCounts()) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const extra = [...(args.includes('--core') ? ['--core', option('--core')] : []), ...(schemas ? ['--schemas'] : [])];
      const out = execFileSync(process.execPath, [__filename, '--cold-sample', '--cold-routes', String(count), ...extra], { encoding: 'utf8' });
      samples.push(JSON.parse(out));
    }
    const requireMs = median(samples.map((s) => s.requireMs));
    const buildMs = median(samples.map((s) => s.buildMs));
    rows.push({ routes: count, requireMs, buildMs });
    console.log(`| ${count} routes${schemas ? ', with schemas' : ''} | ${requireMs.toFixed(1)} ms | ${buildMs.toFixed(1)} ms | ${(requireMs + buildMs).toFixed(1)} ms |`);
  }
  return rows;
}

async function measure({ schemas = args.includes('--schemas') } = {}) {
  const { core } = loadCore();
  const warm = await measureWarm(core, schemas);
  const cold = measureCold(schemas);
  return { warm, cold };
}

if (require.main === module) {
  if (args.includes('--cold-sample')) {
    coldSample().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  } else {
    console.log(`# app build, node ${process.version} (${path.relative(process.cwd(), loadCore().dir)})`);
    measure().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
}

module.exports = { measure, buildApp, appModule, tableCapture };

'use strict';
// Route lookup cost, alone: Armature's RouteTable (find-my-way underneath, plus its own static-route
// map) against bare find-my-way with the same options, for 10, 100 and 1000 routes of each shape.
// Lookups cycle through 256 paths spread over all the routes; figures are per lookup.
//   node benchmarks/micro/route-lookup.js [--routes 10,100,1000] [--time 1000] [--core DIR]
const FindMyWay = require('find-my-way');
const { Bench } = require('tinybench');
const { loadCore, routeCounts, benchOptions, clockName, printTable } = require('./lib/options');
const { SHAPES, routesOf, requestsFor } = require('./lib/route-shapes');

const { core } = loadCore();
const BATCH = 4096;
const handle = { needs: { allHeaders: false, headerNames: [], body: false, ip: false }, run() {} };

function armatureTable(routes) {
  const table = new core.RouteTable();
  for (const route of routes) table.add(route.method, route.path, handle, `bench#${route.path}`);
  return table;
}

function bareFindMyWay(routes) {
  // The options Armature's table uses (NestJS-compatible matching).
  const router = FindMyWay({ caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 2048 });
  for (const route of routes) router.on(route.method, route.path, () => undefined, handle);
  return router;
}

async function measure() {
  const results = [];
  for (const shape of Object.keys(SHAPES)) {
    const bench = new Bench(benchOptions());
    for (const count of routeCounts()) {
      const routes = routesOf(shape, count);
      const paths = requestsFor(shape, count);
      const table = armatureTable(routes);
      const router = bareFindMyWay(routes);
      for (const path of paths) {
        if (table.lookup('GET', path).handle !== handle) throw new Error(`RouteTable missed ${path}`);
        if (router.find('GET', path)?.store !== handle) throw new Error(`find-my-way missed ${path}`);
      }
      // uWS hands every request a new string, whose hash V8 has not computed yet: each lookup gets a
      // fresh copy too (a reused string would make hash lookups look free). Its cost is the
      // "string only" row, included in the others. One task call = BATCH lookups (the clock ticks
      // in µs), reported per lookup.
      const buffers = paths.map((p) => Buffer.from(p, 'latin1'));
      const fresh = (i) => buffers[i & 255].latin1Slice(0, buffers[i & 255].length);
      if (count === routeCounts()[0]) {
        bench.add(`${shape}: fresh path string only (baseline)`, () => {
          let length = 0;
          for (let i = 0; i < BATCH; i++) length += fresh(i).length;
          if (length === 0) throw new Error('no paths');
        });
      }
      bench.add(`${shape}, ${count} routes: RouteTable.lookup`, () => {
        let found = 0;
        for (let i = 0; i < BATCH; i++) if (table.lookup('GET', fresh(i)).handle === handle) found++;
        if (found !== BATCH) throw new Error('lookup missed');
      });
      bench.add(`${shape}, ${count} routes: find-my-way find`, () => {
        let found = 0;
        for (let i = 0; i < BATCH; i++) if (router.find('GET', fresh(i)).store === handle) found++;
        if (found !== BATCH) throw new Error('find missed');
      });
    }
    await bench.run();
    for (const row of printTable(`route lookup: ${shape} routes (${clockName()}, per lookup)`, bench, { perOp: BATCH })) {
      const [, count, impl] = /, (\d+) routes: (.+)$/.exec(row.name) ?? [];
      results.push({ shape, count: count === undefined ? undefined : Number(count), impl: impl ?? 'baseline', ...row });
    }
  }
  return results;
}

if (require.main === module) {
  console.log(`# route lookup, node ${process.version}`);
  measure().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { measure };

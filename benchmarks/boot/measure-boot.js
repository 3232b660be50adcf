#!/usr/bin/env node
'use strict';
// Boot time to first response: spawns a server process (pinned to the server core), polls
// GET /plaintext every millisecond, and times spawn → first 200. Each configuration is started
// --runs times in turns (a slow moment on the box hits every configuration alike); medians shown.
// For the generated apps (boot/app.js) the server also reports milestones (BOOT_TRACE), which
// split the time into node's own start-up, requiring Armature, building the app and listening.
//
//   node benchmarks/boot/measure-boot.js                      # the default set of configurations
//   node benchmarks/boot/measure-boot.js --runs 20 --configs app-200,app-1000 --out boot.md
//   node benchmarks/boot/measure-boot.js --configs app-200 --app /tmp/before/benchmarks/boot/app.js   # another build
const path = require('node:path');
const fs = require('node:fs');
const { parseArgs } = require('node:util');
const { startServer } = require('../lib/spawn-server');
const { planPinning, pinSelf } = require('../lib/cpu-pinning');
const { rssBytes } = require('../lib/proc-stats');
const { machineInfo } = require('../lib/machine-info');
const { median } = require('../lib/stats');
const { killAll } = require('../lib/child-registry');

const APP = path.join(__dirname, 'app.js');
const SERVERS = path.join(__dirname, '..', 'servers');

/** What can be booted: the generated apps in several sizes, and three servers for scale. */
const CONFIGS = {
  'node-http': { file: path.join(SERVERS, 'node-http.js'), what: 'node:http, one URL switch (node itself)' },
  'uws-raw': { file: path.join(SERVERS, 'uws-raw.js'), what: 'raw uWS, four routes' },
  'app-10': { file: APP, env: { ROUTES: '10' }, what: 'Armature, 10 routes + /plaintext' },
  'app-100': { file: APP, env: { ROUTES: '100' }, what: 'Armature, 100 routes + /plaintext' },
  'app-200': { file: APP, env: { ROUTES: '200' }, what: 'Armature, 200 routes + /plaintext (the target)' },
  'app-1000': { file: APP, env: { ROUTES: '1000' }, what: 'Armature, 1000 routes + /plaintext' },
  'app-200-schemas': { file: APP, env: { ROUTES: '200', SCHEMAS: '1' }, what: 'Armature, 200 routes, TypeBox body/response schemas' },
  'app-200-node': { file: APP, env: { ROUTES: '200', ADAPTER: 'node' }, what: 'Armature, 200 routes, node:http adapter' },
  'armature-decorators': { file: path.join(SERVERS, 'armature-decorators.js'), what: 'the benchmark server (5 routes, one with a schema)' },
  'fastify': { file: path.join(SERVERS, 'fastify.js'), what: 'Fastify, four routes' },
  'nest-fastify': { file: path.join(SERVERS, 'nest-fastify.js'), what: 'NestJS on Fastify, five routes' },
};
const DEFAULT_CONFIGS = ['node-http', 'uws-raw', 'app-10', 'app-200', 'app-1000', 'app-200-schemas', 'app-200-node'];


/** Boots one configuration once: { bootMs, rssMb, trace }. */
async function bootOnce(config, pinning, unsetEnv) {
  const server = await startServer({
    file: config.file,
    pinning,
    env: { ...(config.env ?? {}), BOOT_TRACE: '1' },
    unsetEnv,
    pollIntervalMs: 1,
  });
  try {
    const line = server.output().split('\n').find((l) => l.startsWith('BOOT_TRACE '));
    const trace = line ? JSON.parse(line.slice('BOOT_TRACE '.length)) : undefined;
    return { bootMs: server.startupMs, rssMb: rssBytes(server.pid) / 1048576, trace };
  } finally {
    await server.stop();
  }
}

/** Boot milestones as phase durations: node start, require, declare, create (scan + compile), listen. */
function phases(trace) {
  return {
    node: trace.nodeReady,
    require: trace.required - trace.nodeReady,
    declare: trace.declared - trace.required,
    build: trace.created - trace.declared,
    listen: trace.listening - trace.created,
    first: trace.firstRequest - trace.listening,
  };
}

async function measureBoot({ configs, runs, unsetEnv = [], app, log = () => undefined }) {
  const pinning = planPinning();
  pinSelf(pinning);
  const samples = Object.fromEntries(configs.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of configs) {
      const config = app !== undefined && CONFIGS[name].file === APP ? { ...CONFIGS[name], file: app } : CONFIGS[name];
      samples[name].push(await bootOnce(config, pinning, unsetEnv));
    }
    log(`run ${run + 1}/${runs} done`);
  }
  return configs.map((name) => {
    const list = samples[name];
    const traced = list.filter((s) => s.trace).map((s) => phases(s.trace));
    const mid = (key) => (traced.length ? median(traced.map((p) => p[key])) : undefined);
    return {
      name,
      what: CONFIGS[name].what,
      bootMs: median(list.map((s) => s.bootMs)),
      minMs: Math.min(...list.map((s) => s.bootMs)),
      maxMs: Math.max(...list.map((s) => s.bootMs)),
      rssMb: median(list.map((s) => s.rssMb)),
      phases: traced.length ? { node: mid('node'), require: mid('require'), declare: mid('declare'), build: mid('build'), listen: mid('listen'), first: mid('first') } : undefined,
    };
  });
}

function renderBoot(rows, runs) {
  const ms = (v) => (v === undefined ? '–' : v.toFixed(0));
  const lines = [
    `Boot to first response, median of ${runs} starts (spawn → first 200 on GET /plaintext, polled every 1 ms; server pinned to core 0).`,
    'Phases (from the app\'s own milestones): **node** = node\'s start-up until the entry file runs; **require** = loading Armature and the adapter; **declare** = the app\'s modules, controllers and services being declared (their decorators run); **create** = `ArmatureFactory.create` (module scan, DI, loading uWS\'s binary); **init + listen** = `app.init()` and `app.listen()` (route exploration and compilation, the route table, lifecycle hooks, the socket); **first request** = from listening to the first request reaching its handler (cold code; find-my-way compiles its lookup on the first lookup). The rest of the total is the poll\'s round trip and the measuring process\'s own delays.',
    '',
    '| configuration | boot (median) | min – max | node | require | declare | create | init + listen | first request | RSS after boot |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const p = row.phases ?? {};
    lines.push(
      `| ${row.name}: ${row.what} | **${ms(row.bootMs)} ms** | ${ms(row.minMs)} – ${ms(row.maxMs)} | ${ms(p.node)} | ${ms(p.require)} | ${ms(p.declare)} | ${ms(p.build)} | ${ms(p.listen)} | ${ms(p.first)} | ${row.rssMb.toFixed(0)} MB |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      configs: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      // This machine's environment sets NODE_EXTRA_CA_CERTS, which makes every node process parse
      // a CA bundle at start (~40 ms): measure without it to see node's usual start-up.
      'no-extra-ca': { type: 'boolean', default: false },
      // The generated app of another checkout (its boot/app.js), to compare builds.
      app: { type: 'string' },
    },
  });
  const unsetEnv = values['no-extra-ca'] ? ['NODE_EXTRA_CA_CERTS'] : [];
  const configs = values.configs ? values.configs.split(',') : DEFAULT_CONFIGS;
  const unknown = configs.filter((name) => !CONFIGS[name]);
  if (unknown.length) throw new Error(`unknown configuration(s): ${unknown.join(', ')} (known: ${Object.keys(CONFIGS).join(', ')})`);
  const runs = Number(values.runs);
  const app = values.app === undefined ? undefined : path.resolve(values.app);
  const rows = await measureBoot({ configs, runs, unsetEnv, app, log: (m) => process.stderr.write(`boot: ${m}\n`) });
  const machine = machineInfo();
  const command = `node benchmarks/boot/measure-boot.js --runs ${runs}${values.configs ? ` --configs ${values.configs}` : ''}${unsetEnv.length ? ' --no-extra-ca' : ''}${app ? ` --app ${values.app}` : ''}`;
  const env = process.env.NODE_EXTRA_CA_CERTS === undefined || unsetEnv.length ? 'NODE_EXTRA_CA_CERTS not set' : `NODE_EXTRA_CA_CERTS set (${process.env.NODE_EXTRA_CA_CERTS}): every node process parses that CA bundle at start`;
  const markdown = `# Boot time\n\nMeasured by \`${command}\` (${env}) on ${new Date().toISOString().slice(0, 10)}; ${machine.cpu}, ${machine.cores} cores, Node ${process.version}; load average at end ${machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}.\n\n${renderBoot(rows, runs)}\n`;
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else console.log(markdown);
  if (values.out) fs.writeFileSync(values.out, markdown);
}

if (require.main === module) {
  main()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => killAll());
}

module.exports = { measureBoot, renderBoot, CONFIGS };

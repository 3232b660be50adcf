'use strict';
// Command-line flags of run.js, with bounds so a typo cannot start an
// hours-long run. --quick is a preset; explicit flags override it.
const { parseArgs } = require('node:util');

const PRESETS = {
  full: { rounds: 5, duration: 10, warmup: 2 },
  quick: { rounds: 3, duration: 5, warmup: 1 },
};

const MODES = ['plain', 'pipelined'];

const HELP = `Usage: node benchmarks/run.js [options]      (or: npm run bench -- [options])

  --servers a,b,c      servers to run (file names in benchmarks/servers/, no .js); default all
  --endpoints a,b      plaintext,json,users,echo; default all
  --modes a,b          plain,pipelined; default both
  --rounds N           interleaved rounds, medians reported (default ${PRESETS.full.rounds}; quick ${PRESETS.quick.rounds})
  --duration S         seconds per measured load run (default ${PRESETS.full.duration}; quick ${PRESETS.quick.duration})
  --warmup S           seconds of unmeasured load per endpoint before measuring (default ${PRESETS.full.warmup}; quick ${PRESETS.quick.warmup})
  --connections N      open connections (default 100)
  --pipeline N         requests per write in pipelined mode (default 16)
  --quick              ${PRESETS.quick.rounds} rounds x ${PRESETS.quick.duration} s, ${PRESETS.quick.warmup} s warm-up
  --out FILE           markdown report path (default benchmarks/RESULTS.md)
  --no-report          do not write the markdown report (raw JSON is still kept)
  -h, --help           this text
`;

function list(value, allowed, what) {
  if (value === undefined) return null;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (allowed) {
    const unknown = items.filter((i) => !allowed.includes(i));
    if (unknown.length) throw new Error(`unknown ${what}: ${unknown.join(', ')} (known: ${allowed.join(', ')})`);
  }
  return items;
}

function bounded(value, fallback, min, max, what) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${what} must be an integer in ${min}..${max}, got ${value}`);
  return n;
}

function parseOptions(argv, { serverNames, endpointNames }) {
  const { values } = parseArgs({
    args: argv,
    options: {
      servers: { type: 'string' },
      endpoints: { type: 'string' },
      modes: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      pipeline: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: HELP };
  const preset = values.quick ? PRESETS.quick : PRESETS.full;
  return {
    quick: values.quick,
    servers: list(values.servers, serverNames, 'server') || serverNames,
    endpoints: list(values.endpoints, endpointNames, 'endpoint') || endpointNames,
    modes: list(values.modes, MODES, 'mode') || MODES,
    rounds: bounded(values.rounds, preset.rounds, 1, 50, 'rounds'),
    durationSec: bounded(values.duration, preset.duration, 1, 600, 'duration'),
    warmupSec: bounded(values.warmup, preset.warmup, 0, 60, 'warmup'),
    connections: bounded(values.connections, 100, 1, 10000, 'connections'),
    pipeline: bounded(values.pipeline, 16, 2, 256, 'pipeline'),
    out: values.out || null,
    writeReport: !values['no-report'],
  };
}

module.exports = { parseOptions, HELP, MODES };

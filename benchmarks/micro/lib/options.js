'use strict';
// Command-line options shared by the micro-benchmarks, and the table printer they all use.
const path = require('node:path');

const args = process.argv.slice(2);

function option(name, fallback) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
}

/** Which build of @armature/core to measure: this tree's by default, `--core DIR` for another. */
function loadCore() {
  // The package folder loads what applications load (package.json `main`); a dist folder works too.
  const dir = path.resolve(option('--core', path.join(__dirname, '../../../packages/core')));
  require('reflect-metadata');
  return { core: require(dir), dir };
}

/** Route counts to measure: `--routes 10,100,1000` (the default). */
function routeCounts() {
  return option('--routes', '10,100,1000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * The process's CPU time (all threads, user + system) in milliseconds. On a machine shared with
 * other work, wall-clock samples include the time this process waited for a core; CPU time does
 * not, so medians stay put when the box is busy. `--clock wall` switches back to performance.now.
 */
function cpuNow() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** tinybench options: `--time MS` of clock per task (default 1000), a warm-up, the CPU clock. */
function benchOptions() {
  const wall = option('--clock', 'cpu') === 'wall';
  return { time: Number(option('--time', 1000)), warmup: true, warmupTime: 500, ...(wall ? {} : { now: cpuNow }) };
}

/** Which clock the figures are in, for the report headers. */
function clockName() {
  return option('--clock', 'cpu') === 'wall' ? 'wall-clock time' : 'CPU time (process.cpuUsage)';
}

/**
 * One markdown row per task: median and p99 per operation (`perOp` operations per task call),
 * in ns, or in ms with `unit: 'ms'`. Returns the rows, medians in ns.
 */
function printTable(title, bench, { perOp = 1, unit = 'ns' } = {}) {
  const scale = unit === 'ms' ? 1e-6 : 1;
  const digits = unit === 'ms' ? 2 : 0;
  console.log(`\n### ${title}\n`);
  console.log(`| case | median ${unit}/op | p99 ${unit}/op | ops/s | samples |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const rows = [];
  for (const task of bench.tasks) {
    const latency = task.result.latency; // milliseconds per task call
    const median = (latency.p50 * 1e6) / perOp;
    const p99 = (latency.p99 * 1e6) / perOp;
    rows.push({ name: task.name, medianNs: median, p99Ns: p99 });
    const opsPerSecond = 1e9 / median;
    console.log(
      `| ${task.name} | ${(median * scale).toFixed(digits)} | ${(p99 * scale).toFixed(digits)} | ${opsPerSecond >= 1e4 ? opsPerSecond.toExponential(2) : opsPerSecond.toFixed(1)} | ${latency.samplesCount ?? latency.samples?.length} |`,
    );
  }
  return rows;
}

module.exports = { args, option, loadCore, routeCounts, benchOptions, clockName, printTable, cpuNow };

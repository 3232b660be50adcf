'use strict';
// Installs benchmarks/package.json (the peers: Fastify, Express, NestJS, uWS)
// into benchmarks/node_modules on first use. They stay out of the root
// install so CI never pays for them.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const BENCH_DIR = path.join(__dirname, '..');

function missingDependencies() {
  const { dependencies = {} } = require(path.join(BENCH_DIR, 'package.json'));
  return Object.keys(dependencies).filter(
    (name) => !fs.existsSync(path.join(BENCH_DIR, 'node_modules', name, 'package.json')),
  );
}

function ensureDependencies() {
  const missing = missingDependencies();
  if (missing.length === 0) return;
  console.log(`bench: installing benchmark dependencies (${missing.join(', ')}) into benchmarks/node_modules ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  const still = missingDependencies();
  if (still.length) throw new Error(`npm install left these missing: ${still.join(', ')}`);
}

module.exports = { ensureDependencies, BENCH_DIR };

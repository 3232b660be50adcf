'use strict';
// Prints the top frames of a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and
// self time per package/file group, so that a profile can be summarised in a table.
//   node benchmarks/profile/top-frames.js PROFILE.cpuprofile [--top 25] [--by function|package|file] [--under NAME]
// --under NAME counts only samples with a frame named NAME on their stack (e.g. --under compileRoutes).
const fs = require('node:fs');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const file = args.find((a) => a.endsWith('.cpuprofile'));
if (!file) {
  console.error('usage: top-frames.js PROFILE.cpuprofile [--top N] [--by function|package|file]');
  process.exit(2);
}
const top = Number(option('--top', 25));
const by = option('--by', 'function');
const under = option('--under', undefined);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

// Sample counts per node id; each sample is one interval of `timeDeltas`.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

/** Where a frame's code lives: a package name, a workspace package, node internals, or the VM. */
function packageOf(url) {
  if (!url) return '(vm/native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (modules) return modules[modules.length - 1].replace('node_modules/', '');
  const workspace = url.match(/packages\/([^/]+)\//);
  if (workspace) return `@armature/${workspace[1]}`;
  return url.replace(/^file:\/\//, '').replace(/.*\/work\/main\//, '');
}

function keyOf(node) {
  const frame = node.callFrame;
  const name = frame.functionName || '(anonymous)';
  // V8's pseudo-frames keep their own names in every view.
  if (!frame.url && name.startsWith('(')) return name;
  const short = (frame.url || '').replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/work\/main\//, '');
  if (by === 'package') return packageOf(frame.url);
  if (by === 'file') return short || name;
  return short ? `${name}  ${short}:${frame.lineNumber + 1}` : name;
}

// Parent links, to keep only the samples under a given frame.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
function isUnder(id) {
  for (let current = id; current !== undefined; current = parentOf.get(current)) {
    if (byId.get(current).callFrame.functionName === under) return true;
  }
  return false;
}

const totals = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  if (under !== undefined && !isUnder(node.id)) continue;
  total += us;
  const key = keyOf(node);
  totals.set(key, (totals.get(key) ?? 0) + us);
}

const idle = totals.get('(idle)') ?? 0;
console.log(`# ${file}${under ? ` (under ${under})` : ''}: ${(total / 1000).toFixed(1)} ms sampled, ${((total - idle) / 1000).toFixed(1)} ms busy`);
console.log(`| self ms | % of busy | ${by} |`);
console.log('| ---: | ---: | --- |');
for (const [key, us] of [...totals].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`| ${(us / 1000).toFixed(1)} | ${((100 * us) / (total - idle)).toFixed(1)}% | ${key.replace(/\|/g, '\\|')} |`);
}

#!/usr/bin/env node
'use strict';
// Install script: builds the addon with node-gyp, and never fails the install. CPU pinning is an
// optional speed-up: when the build cannot run (no compiler, no Node headers, not Linux), the reason
// is written to build/unavailable.txt, which index.js reports, and workers run unpinned.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const reasonFile = path.join(root, 'build', 'unavailable.txt');

function giveUp(reason) {
  fs.mkdirSync(path.dirname(reasonFile), { recursive: true });
  fs.writeFileSync(reasonFile, `${reason}\n`);
  process.stderr.write(`@armature/cpu-affinity: not built (${reason.split('\n')[0]}); Armature workers will run unpinned\n`);
  process.exit(0);
}

/** npm hands its bundled node-gyp to scripts; outside npm, a locally installed one. */
function findNodeGyp() {
  if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  try {
    return require.resolve('node-gyp/bin/node-gyp.js', { paths: [root, process.cwd()] });
  } catch {
    return undefined;
  }
}

/** Headers of the running Node, when installed beside it (Debian's nodejs, official tarballs): no download needed. */
function localNodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = path.dirname(path.dirname(process.execPath));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

if (process.env.ARMATURE_CPU_AFFINITY_SKIP_BUILD) giveUp('ARMATURE_CPU_AFFINITY_SKIP_BUILD is set');
if (process.platform !== 'linux') giveUp(`CPU pinning is implemented for Linux only (this is ${process.platform})`);
const nodeGyp = findNodeGyp();
if (nodeGyp === undefined) giveUp('node-gyp was not found');

const nodeDir = localNodeDir();
const args = [nodeGyp, 'rebuild', ...(nodeDir === undefined ? [] : [`--nodedir=${nodeDir}`])];
const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
if (result.error !== undefined || result.status !== 0) {
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  giveUp(`node-gyp rebuild failed${result.error ? `: ${result.error.message}` : ` with status ${result.status}`}\n${output}`);
}
fs.rmSync(reasonFile, { force: true });

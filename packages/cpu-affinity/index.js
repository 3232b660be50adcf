'use strict';
// Loads the addon built at install time by scripts/build.js. Throws, with the build's reason, when
// it was not built: callers (Armature's worker pool) catch that and run their threads unpinned.
const fs = require('node:fs');
const path = require('node:path');

const binary = path.join(__dirname, 'build', 'Release', 'cpu_affinity.node');

function unavailable() {
  const reasonFile = path.join(__dirname, 'build', 'unavailable.txt');
  const reason =
    process.env.ARMATURE_CPU_AFFINITY === 'off'
      ? 'turned off by ARMATURE_CPU_AFFINITY=off'
      : fs.existsSync(reasonFile)
        ? `${fs.readFileSync(reasonFile, 'utf8').split('\n')[0]} (details in ${reasonFile})`
        : 'the addon was not built (run `npm rebuild @armature/cpu-affinity`)';
  return Object.assign(new Error(`@armature/cpu-affinity is unavailable: ${reason}`), { code: 'ARMATURE_CPU_AFFINITY_UNAVAILABLE' });
}

if (process.env.ARMATURE_CPU_AFFINITY === 'off' || !fs.existsSync(binary)) throw unavailable();
module.exports = require(binary);

'use strict';
// Every benchmarks/servers/*.js is a server (files starting with "_" are
// shared helpers). Adding a server to the benchmark is dropping a file there.
// Table order: baselines first, Armature's own next to them, then the peers.
const fs = require('node:fs');
const path = require('node:path');

const SERVERS_DIR = path.join(__dirname, '..', 'servers');
const BASELINE = 'uws-raw';
const LEADING = ['uws-raw', 'uws-find-my-way'];
const PEERS = ['node-http', 'fastify', 'express', 'nest-fastify', 'nest-express'];

function rank(name) {
  const lead = LEADING.indexOf(name);
  if (lead >= 0) return [0, lead];
  if (name.startsWith('armature')) return [1, 0];
  const peer = PEERS.indexOf(name);
  if (peer >= 0) return [2, peer];
  return [3, 0];
}

function discoverServers() {
  return fs
    .readdirSync(SERVERS_DIR)
    .filter((f) => f.endsWith('.js') && !f.startsWith('_'))
    .map((f) => ({ name: path.basename(f, '.js'), file: path.join(SERVERS_DIR, f) }))
    .sort((a, b) => {
      const [ga, ia] = rank(a.name);
      const [gb, ib] = rank(b.name);
      return ga - gb || ia - ib || a.name.localeCompare(b.name);
    });
}

module.exports = { discoverServers, BASELINE };

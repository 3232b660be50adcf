'use strict';
// Turns the per-round samples into one figure per server/endpoint/mode: the
// median across rounds, plus the spread so a reader can judge the noise.
const { median, spread } = require('./stats');

function summarize({ samples, startups }) {
  const byKey = new Map();
  for (const s of samples) {
    const key = `${s.server}|${s.endpoint}|${s.mode}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(s);
  }

  const results = [];
  for (const group of byKey.values()) {
    const pick = (f) => group.map(f);
    const { server, endpoint, mode } = group[0];
    results.push({
      server,
      endpoint,
      mode,
      rounds: group.length,
      reqPerSec: median(pick((s) => s.reqPerSec)),
      reqPerSecSpread: spread(pick((s) => s.reqPerSec)),
      p99Us: median(pick((s) => s.latencyUs.p99)),
      cpuUsPerRequest: median(pick((s) => s.cpuUsPerRequest)),
      cpuUsPerRequestSpread: spread(pick((s) => s.cpuUsPerRequest)),
      serverBusy: median(pick((s) => s.serverBusy)),
      loadGeneratorBusy: median(pick((s) => s.loadGeneratorBusy)),
      foreignCores: median(pick((s) => s.foreignCores)),
      disturbedRounds: group.filter((s) => s.disturbed).length,
      timeouts: group.reduce((sum, s) => sum + (s.timeouts || 0), 0),
      rssBytes: median(pick((s) => s.rssBytes)),
    });
  }

  const startupMs = {};
  for (const server of new Set(startups.map((s) => s.server))) {
    startupMs[server] = median(startups.filter((s) => s.server === server).map((s) => s.startupMs));
  }
  const disturbed = samples.filter((s) => s.disturbed).length;
  return { results, startupMs, disturbed, runs: samples.length };
}

module.exports = { summarize };

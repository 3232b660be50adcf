'use strict';
// The orchestrator's side channel into a WebSocket server under test (IPC, never the sockets
// being measured). Every server file calls serve({ connections, broadcast }) once listening.
//   { type: 'mem' }              → { rss, heapUsed } after a full gc (servers run with --expose-gc)
//   { type: 'count' }            → { connections }
//   { type: 'broadcast', seq }   → { t0, t1 }: hrtime (ns, as strings) around one broadcast call
const MESSAGE = (seq) => JSON.stringify({ event: 'tick', data: { seq } });

function serve({ connections, broadcast }) {
  // An orderly exit on SIGTERM, so that --cpu-prof (run.js --profile) gets written.
  process.once('SIGTERM', () => process.exit(0));
  process.on('message', (message) => {
    if (message.type === 'mem') {
      if (global.gc) for (let i = 0; i < 3; i++) global.gc();
      const { rss, heapUsed } = process.memoryUsage();
      process.send({ type: 'mem', rss, heapUsed });
    } else if (message.type === 'count') {
      process.send({ type: 'count', connections: connections() });
    } else if (message.type === 'broadcast') {
      const t0 = process.hrtime.bigint();
      broadcast(message.seq, MESSAGE(message.seq));
      const t1 = process.hrtime.bigint();
      process.send({ type: 'broadcasted', seq: message.seq, t0: String(t0), t1: String(t1) });
    }
  });
  process.send({ type: 'ready' });
}

module.exports = { serve };

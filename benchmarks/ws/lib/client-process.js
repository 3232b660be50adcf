'use strict';
// A load process: opens `count` WebSocket connections to the server, then counts broadcasts.
// For each broadcast sequence number it reports the monotonic time (hrtime, comparable across
// processes on one Linux machine) of the first and the last connection to receive it.
// argv: url count kind(ws|socketio) concurrency
const [url, countArg, kind, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg || 200);

const rounds = new Map(); // seq → { received, first, last }
const sockets = [];

function onTick(seq) {
  const now = process.hrtime.bigint();
  let round = rounds.get(seq);
  if (round === undefined) rounds.set(seq, (round = { received: 0, first: now, last: now }));
  round.received++;
  round.last = now;
  if (round.received === count) {
    rounds.delete(seq);
    process.send({ type: 'round', seq, first: String(round.first), last: String(round.last) });
  }
}

/** The sequence number straight from the bytes of `{"event":"tick","data":{"seq":12}}` (no string, no JSON). */
function seqOf(bytes) {
  let at = bytes.lastIndexOf(0x3a); // ':'
  let seq = 0;
  for (at++; bytes[at] >= 0x30 && bytes[at] <= 0x39; at++) seq = seq * 10 + (bytes[at] - 0x30);
  return seq;
}

function openWs() {
  const WebSocket = require('ws');
  return new Promise((resolve, reject) => {
    // The load side does as little as it can per message: no UTF-8 validation, no JSON.
    const socket = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.on('message', (data) => onTick(seqOf(data)));
  });
}

function openSocketIo() {
  const { io } = require('socket.io-client');
  const { origin, pathname } = new URL(url.replace(/^ws/, 'http'));
  return new Promise((resolve, reject) => {
    const socket = io(origin, { path: pathname, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
    socket.on('tick', (data) => onTick(data.seq));
  });
}

async function main() {
  const open = kind === 'socketio' ? openSocketIo : openWs;
  const started = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      sockets.push(await open());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const connectMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { rss } = process.memoryUsage();
  process.send({ type: 'connected', count: sockets.length, connectMs, rss });
}

process.on('message', (message) => {
  if (message.type === 'close') {
    for (const socket of sockets) (socket.terminate ?? socket.disconnect).call(socket);
    setTimeout(() => process.exit(0), 100);
  }
});

main().catch((error) => {
  process.send({ type: 'error', message: String(error && error.stack ? error.stack : error) });
  process.exit(1);
});

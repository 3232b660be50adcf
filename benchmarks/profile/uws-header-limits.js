#!/usr/bin/env node
'use strict';
// What this uWS build accepts as a request head, by size, and whether it arrives in one write or
// in 1 KiB pieces: the evidence behind docs/performance.md's note on why the adapter scans every
// request's headers (uWS has no limit of its own that matches `maxHeaderSize`, and no way to ask
// for the block's size). Prints, per size, the status line uWS answered with or "closed".
//   node benchmarks/profile/uws-header-limits.js
const net = require('node:net');
const uWS = require('../servers/_uws-native');

const SIZES = [3000, 5000, 20000, 100000, 400000];

function send(port, size, split) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received.split('\r\n')[0] || 'closed, no answer'));
    const request = `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(size)}\r\n\r\n`;
    if (!split) socket.write(request);
    else {
      let offset = 0;
      const next = () => {
        if (offset >= request.length || socket.destroyed) return;
        socket.write(request.slice(offset, offset + 1024));
        offset += 1024;
        setTimeout(next, 2);
      };
      next();
    }
    setTimeout(() => socket.end(), 800);
  });
}

const app = uWS.App();
app.any('/*', (res, req) => {
  let bytes = 0;
  req.forEach((name, value) => (bytes += name.length + value.length + 4));
  res.end(`header bytes seen: ${bytes}`);
});
app.listen('127.0.0.1', 0, async (socket) => {
  const port = uWS.us_socket_local_port(socket);
  console.log('| header value bytes | one write | 1 KiB pieces |');
  console.log('| ---: | --- | --- |');
  for (const size of SIZES) console.log(`| ${size} | ${await send(port, size, false)} | ${await send(port, size, true)} |`);
  process.exit(0);
});

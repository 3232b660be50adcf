'use strict';
// A port the OS says is free on 127.0.0.1. Asking the OS (instead of a fixed
// port) avoids answering our readiness probe from someone else's server.
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { freePort };

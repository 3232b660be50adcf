'use strict';
// The `ws` package on node:http, broadcasting the way its README does: send to every client.
const http = require('node:http');
const { WebSocketServer } = require('ws');
const { serve } = require('../lib/server-control');

const server = http.createServer();
const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  serve({
    connections: () => wss.clients.size,
    broadcast: (_seq, message) => {
      for (const client of wss.clients) client.send(message);
    },
  });
});

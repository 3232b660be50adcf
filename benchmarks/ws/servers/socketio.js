'use strict';
// socket.io 4 on node:http, WebSocket transport only, io.emit() to everyone.
const http = require('node:http');
const { Server } = require('socket.io');
const { serve } = require('../lib/server-control');

const server = http.createServer();
const io = new Server(server, { path: '/ws', transports: ['websocket'], perMessageDeflate: false, serveClient: false });
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  serve({
    connections: () => io.engine.clientsCount,
    broadcast: (seq) => io.emit('tick', { seq }),
  });
});

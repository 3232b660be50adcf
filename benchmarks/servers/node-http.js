'use strict';
// node:http with no framework: a switch on the URL and JSON.stringify. The
// ceiling for anything built on node:http (Fastify, Express, NestJS).
const http = require('node:http');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

const PLAINTEXT = 'Hello, World!';

function send(res, contentType, body) {
  // An explicit Content-Length avoids chunked encoding, as the frameworks do.
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function echo(req, res) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let payload;
    try {
      payload = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString()));
    } catch {
      res.writeHead(400, { 'Content-Length': 0 }).end();
      return;
    }
    send(res, 'application/json', payload);
  });
}

const server = http.createServer((req, res) => {
  const { method, url } = req;
  if (method === 'GET') {
    if (url === '/plaintext') return send(res, 'text/plain', PLAINTEXT);
    if (url === '/json') return send(res, 'application/json', JSON.stringify({ message: PLAINTEXT }));
    if (url.startsWith('/users/')) {
      const id = url.slice('/users/'.length);
      return send(res, 'application/json', JSON.stringify({ id, name: `User ${id}` }));
    }
  } else if (method === 'POST' && url === '/echo') {
    return echo(req, res);
  }
  res.writeHead(404, { 'Content-Length': 0 }).end();
});

server.listen(port, host);

'use strict';
// Express 5 with the settings fastify/benchmarks uses: no ETag hashing, no
// X-Powered-By header, express.json() only on the route that reads a body.
const express = require('express');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

const app = express();
app.disable('etag');
app.disable('x-powered-by');

app.get('/plaintext', (req, res) => {
  res.type('text/plain').send('Hello, World!');
});

app.get('/json', (req, res) => {
  res.json({ message: 'Hello, World!' });
});

app.get('/users/:id', (req, res) => {
  const { id } = req.params;
  res.json({ id, name: `User ${id}` });
});

app.post('/echo', express.json(), (req, res) => {
  res.json(req.body);
});

const server = app.listen(port, host);
server.on('error', (err) => {
  console.error(err);
  process.exit(1);
});

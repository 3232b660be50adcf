'use strict';
// Fastify as its docs recommend for speed: logger off, response schemas so
// replies go through fast-json-stringify.
const Fastify = require('fastify');
const schemas = require('./_schemas');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

const app = Fastify({ logger: false });

app.get('/plaintext', (request, reply) => {
  reply.type('text/plain').send('Hello, World!');
});

app.get('/json', { schema: { response: { 200: schemas.message } } }, async () => ({
  message: 'Hello, World!',
}));

app.get('/users/:id', { schema: { response: { 200: schemas.user } } }, async (request) => {
  const { id } = request.params;
  return { id, name: `User ${id}` };
});

app.post('/echo', { schema: { response: { 200: schemas.echo } } }, async (request) => request.body);

app.listen({ port, host }).catch((err) => {
  console.error(err);
  process.exit(1);
});

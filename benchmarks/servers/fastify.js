'use strict';
// Fastify as its docs recommend for speed: logger off, response schemas so
// replies go through fast-json-stringify.
const Fastify = require('fastify');
const schemas = require('./_schemas');
const realisticSchemas = require('./_realistic');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

// The email format as the other servers check it (Fastify's ajv-formats would use its own).
const app = Fastify({ logger: false, ajv: { customOptions: { formats: { email: realisticSchemas.EMAIL } } } });

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

// POST /realistic: the API-key guard as a preHandler hook, the body schema validated by Fastify's
// ajv, the response shaped to three fields by the response schema (fast-json-stringify).
app.post(
  '/realistic',
  {
    schema: { body: realisticSchemas.userSchema, response: { 200: realisticSchemas.createdSchema } },
    preHandler: (request, reply, done) => {
      if (request.headers['x-api-key'] === 'bench-key') return done();
      reply.code(403).send({ statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' });
    },
  },
  async (request) => request.body,
);

app.listen({ port, host }).catch((err) => {
  console.error(err);
  process.exit(1);
});

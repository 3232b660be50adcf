'use strict';
// POST /realistic written by hand for the servers that have no pipeline of their own (the uWS
// baselines): the same three steps the frameworks run, with the libraries they use underneath.
//   1. guard: the x-api-key header must be "bench-key" (else 403);
//   2. validation: the JSON body against the schema below, compiled once by ajv (else 400);
//   3. response: three fields of it, as JSON.
// Fastify declares the same schema itself (servers/fastify.js).
const Ajv = require('ajv');

const EMAIL = /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

const userSchema = {
  type: 'object',
  required: ['id', 'name', 'email', 'active', 'roles', 'tags', 'address'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string', minLength: 1 },
    email: { type: 'string', format: 'email' },
    active: { type: 'boolean' },
    roles: { type: 'array', items: { type: 'string' } },
    tags: { type: 'array', items: { type: 'string' } },
    address: {
      type: 'object',
      required: ['street', 'city', 'zip'],
      properties: { street: { type: 'string' }, city: { type: 'string' }, zip: { type: 'string' } },
    },
  },
};

const createdSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, email: { type: 'string' } },
};

const ajv = new Ajv({ allErrors: true });
ajv.addFormat('email', { type: 'string', validate: (value) => value.length <= 254 && EMAIL.test(value) });
const validateUser = ajv.compile(userSchema);

const API_KEY = 'bench-key';
const FORBIDDEN = JSON.stringify({ statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' });
const INVALID = JSON.stringify({ statusCode: 400, message: 'Validation failed', error: 'Bad Request' });

/**
 * The whole route as [status, body]: `apiKey` is the header's value ('' when absent), `raw` the
 * body as received. `serialize` turns the three fields into JSON (JSON.stringify by default).
 */
function realistic(apiKey, raw, serialize = JSON.stringify) {
  if (apiKey !== API_KEY) return [403, FORBIDDEN];
  let user;
  try {
    user = JSON.parse(raw);
  } catch {
    return [400, INVALID];
  }
  if (!validateUser(user)) return [400, INVALID];
  return [200, serialize({ id: user.id, name: user.name, email: user.email })];
}

const STATUS_LINES = { 200: '200 OK', 400: '400 Bad Request', 403: '403 Forbidden' };

module.exports = { realistic, userSchema, createdSchema, STATUS_LINES, EMAIL };

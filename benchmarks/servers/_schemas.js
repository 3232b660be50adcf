'use strict';
// JSON schemas for the responses, shared by the servers that serialize with
// fast-json-stringify (Fastify's response schemas, the uWS "floor" server).
// They describe exactly what the harness checks in lib/endpoints.js.

const message = {
  type: 'object',
  properties: { message: { type: 'string' } },
};

const user = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' } },
};

const echo = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string' },
    active: { type: 'boolean' },
    roles: { type: 'array', items: { type: 'string' } },
    tags: { type: 'array', items: { type: 'string' } },
    address: {
      type: 'object',
      properties: {
        street: { type: 'string' },
        city: { type: 'string' },
        zip: { type: 'string' },
      },
    },
  },
};

module.exports = { message, user, echo };

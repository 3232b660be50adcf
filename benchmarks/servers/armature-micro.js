'use strict';
// Armature's micro API on its default uWS adapter, production settings (logger off): the same
// endpoints as armature-decorators.js, written function-first. Both compile to the same route
// table, so the two should be within noise of each other. Loads the built packages: run
// `npm run build` at the root first.
const { App, defineMiddleware, get, post, t, HttpResponse } = require('@armature/core');
const { UwsAdapter } = require('@armature/platform-uws');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

// POST /realistic as the decorator server has it: an API-key check, body validation, three fields out.
const User = t.Object({
  id: t.Integer(),
  name: t.String({ minLength: 1 }),
  email: t.String({ format: 'email' }),
  active: t.Boolean(),
  roles: t.Array(t.String()),
  tags: t.Array(t.String()),
  address: t.Object({ street: t.String(), city: t.String(), zip: t.String() }),
});
const Created = t.Object({ id: t.Integer(), name: t.String(), email: t.String() });
const FORBIDDEN = { statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' };
const apiKey = defineMiddleware((req, next) => (req.header('x-api-key') === 'bench-key' ? next() : HttpResponse.json(FORBIDDEN, 403)), {
  headers: ['x-api-key'],
});

const app = App.new({ adapter: new UwsAdapter(), logger: false })
  .route('/plaintext', get(() => 'Hello, World!'))
  .route('/json', get(() => ({ message: 'Hello, World!' })))
  .route('/users/:id', get((req) => {
    const id = req.param('id');
    return { id, name: `User ${id}` };
  }))
  // POST answers 201 by default (NestJS's rule); every server in the benchmark answers 200.
  .route('/echo', post((req) => req.json(), { status: 200 }))
  .route('/realistic', post((req) => req.json(), { status: 200, wrap: [apiKey], schema: { body: User, response: Created } }));

app.run({ port, host }).catch((err) => {
  console.error(err);
  process.exit(1);
});

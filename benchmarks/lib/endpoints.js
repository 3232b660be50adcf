'use strict';
// The endpoints every server in servers/ must serve, with the exact response
// the harness checks before it measures anything (a server answering 404s
// fast would otherwise "win").

const ECHO_BODY = {
  id: 12345,
  name: 'Ada Lovelace',
  email: 'ada.lovelace@example.com',
  active: true,
  roles: ['admin', 'editor'],
  tags: ['math', 'engines', 'poetry'],
  address: { street: "12 St James's Square", city: 'London', zip: 'SW1Y 4JH' },
};
const ECHO_JSON = JSON.stringify(ECHO_BODY); // ~220 bytes on the wire

const USER_ID = '42';

const ENDPOINTS = [
  {
    name: 'plaintext',
    method: 'GET',
    path: '/plaintext',
    expect: { contentType: 'text/plain', body: 'Hello, World!' },
  },
  {
    name: 'json',
    method: 'GET',
    path: '/json',
    expect: { contentType: 'application/json', json: { message: 'Hello, World!' } },
  },
  {
    name: 'users',
    method: 'GET',
    path: `/users/${USER_ID}`,
    expect: { contentType: 'application/json', json: { id: USER_ID, name: `User ${USER_ID}` } },
  },
  {
    name: 'echo',
    method: 'POST',
    path: '/echo',
    body: ECHO_JSON,
    expect: { contentType: 'application/json', json: ECHO_BODY },
  },
  {
    // A route as applications write them: an API-key guard, body validation and a response
    // shaped to three fields. Served by the frameworks that have those features, and by the uWS
    // baselines wired by hand with ajv (servers/_realistic.js), which the ratios are taken against.
    name: 'realistic',
    method: 'POST',
    path: '/realistic',
    headers: { 'x-api-key': 'bench-key' },
    body: ECHO_JSON,
    servers: ['uws-raw', 'uws-find-my-way', 'armature-decorators', 'armature-micro', 'armature-node', 'fastify', 'nest-fastify', 'nest-express'],
    expect: { contentType: 'application/json', json: { id: ECHO_BODY.id, name: ECHO_BODY.name, email: ECHO_BODY.email } },
    // The guard and the validation must really run: these are checked before any load.
    rejects: [
      { what: 'no API key', headers: {}, body: ECHO_JSON, status: 403 },
      { what: 'invalid body', headers: { 'x-api-key': 'bench-key' }, body: JSON.stringify({ ...ECHO_BODY, email: 'not an email' }), status: 400 },
    ],
  },
];

function endpointByName(name) {
  return ENDPOINTS.find((e) => e.name === name);
}

module.exports = { ENDPOINTS, endpointByName, ECHO_BODY, ECHO_JSON };

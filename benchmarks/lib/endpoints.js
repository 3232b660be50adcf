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
    // shaped to three fields. Served only by the frameworks that have those features.
    name: 'realistic',
    method: 'POST',
    path: '/realistic',
    headers: { 'x-api-key': 'bench-key' },
    body: ECHO_JSON,
    servers: ['armature-decorators', 'armature-node', 'nest-fastify', 'nest-express'],
    expect: { contentType: 'application/json', json: { id: ECHO_BODY.id, name: ECHO_BODY.name, email: ECHO_BODY.email } },
  },
];

function endpointByName(name) {
  return ENDPOINTS.find((e) => e.name === name);
}

module.exports = { ENDPOINTS, endpointByName, ECHO_BODY, ECHO_JSON };

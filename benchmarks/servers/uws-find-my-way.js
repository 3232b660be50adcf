'use strict';
// The "floor" for a framework built on uWS + find-my-way + fast-json-stringify:
// one catch-all uWS route, routing done in JS by find-my-way, responses
// serialized by fast-json-stringify, all wired by hand with nothing else.
// A framework on these parts cannot be faster than this; the gap between this
// and uws-raw is the price of the parts themselves.
const uWS = require('./_uws-native');
const FindMyWay = require('find-my-way');
const fastJson = require('fast-json-stringify');
const schemas = require('./_schemas');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

const serializeMessage = fastJson(schemas.message);
const serializeUser = fastJson(schemas.user);
const serializeEcho = fastJson(schemas.echo);

const router = FindMyWay();

function sendText(res, body) {
  res.writeHeader('Content-Type', 'text/plain').end(body);
}
function sendJson(res, json) {
  res.writeHeader('Content-Type', 'application/json').end(json);
}

// Route handlers live in the store: lookups go through router.find(), which
// needs no node:http request object.
router.on('GET', '/plaintext', () => {}, {
  handle: (res) => sendText(res, 'Hello, World!'),
});
router.on('GET', '/json', () => {}, {
  handle: (res) => sendJson(res, serializeMessage({ message: 'Hello, World!' })),
});
router.on('GET', '/users/:id', () => {}, {
  handle: (res, params) => sendJson(res, serializeUser({ id: params.id, name: `User ${params.id}` })),
});
router.on('POST', '/echo', () => {}, {
  readsBody: true,
  handle: (res, params, body) => sendJson(res, serializeEcho(JSON.parse(body))),
});
// Guard, validation, three fields out (servers/_realistic.js), serialized by fast-json-stringify.
// ajv is loaded on the first call (see uws-raw.js).
let realisticRoute = null;
router.on('POST', '/realistic', () => {}, {
  readsBody: true,
  readsApiKey: true,
  handle: (res, params, body, apiKey) => {
    if (realisticRoute === null) {
      const { realistic, createdSchema, STATUS_LINES } = require('./_realistic');
      realisticRoute = { realistic, STATUS_LINES, serializeCreated: fastJson(createdSchema) };
    }
    const { realistic, STATUS_LINES, serializeCreated } = realisticRoute;
    const [status, payload] = realistic(apiKey, body, serializeCreated);
    if (status !== 200) res.writeStatus(STATUS_LINES[status]);
    sendJson(res, payload);
  },
});

function readBody(res, route, params, apiKey) {
  let aborted = false;
  let chunks = null;
  res.onAborted(() => {
    aborted = true;
  });
  res.onData((chunk, isLast) => {
    if (!isLast) {
      (chunks ||= []).push(Buffer.from(chunk.slice(0)));
      return;
    }
    const body = (chunks ? Buffer.concat([...chunks, Buffer.from(chunk)]) : Buffer.from(chunk)).toString();
    if (aborted) return;
    res.cork(() => {
      try {
        route.store.handle(res, params, body, apiKey);
      } catch {
        res.writeStatus('400 Bad Request').end();
      }
    });
  });
}

const app = uWS.App();
app.any('/*', (res, req) => {
  // req is only valid inside this callback: read everything needed now.
  const route = router.find(req.getCaseSensitiveMethod(), req.getUrl());
  if (route === null) {
    res.writeStatus('404 Not Found').end();
    return;
  }
  if (route.store.readsBody) readBody(res, route, route.params, route.store.readsApiKey ? req.getHeader('x-api-key') : '');
  else route.store.handle(res, route.params);
});

app.listen(host, port, (socket) => {
  if (!socket) {
    console.error(`uws-find-my-way: cannot listen on ${host}:${port}`);
    process.exit(1);
  }
});

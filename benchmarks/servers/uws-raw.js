'use strict';
// Raw uWebSockets.js written the way its examples do it: one native route per
// endpoint, no router in JS. This is the baseline every ratio is taken against.
const uWS = require('./_uws-native');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const app = uWS.App();

const PLAINTEXT = 'Hello, World!';

// Synchronous handlers need no cork: uWS already corks inside a route callback.
app.get('/plaintext', (res) => {
  res.writeHeader('Content-Type', 'text/plain').end(PLAINTEXT);
});

app.get('/json', (res) => {
  res.writeHeader('Content-Type', 'application/json').end(JSON.stringify({ message: PLAINTEXT }));
});

app.get('/users/:id', (res, req) => {
  const id = req.getParameter(0);
  res.writeHeader('Content-Type', 'application/json').end(JSON.stringify({ id, name: `User ${id}` }));
});

app.post('/echo', (res) => {
  let aborted = false;
  let chunks = null;
  res.onAborted(() => {
    aborted = true;
  });
  res.onData((chunk, isLast) => {
    // chunk is only valid inside this callback: copy it before returning.
    if (!isLast) {
      (chunks ||= []).push(Buffer.from(chunk.slice(0)));
      return;
    }
    const body = chunks ? Buffer.concat([...chunks, Buffer.from(chunk)]) : Buffer.from(chunk);
    let payload;
    try {
      payload = JSON.stringify(JSON.parse(body.toString()));
    } catch {
      if (!aborted) res.cork(() => res.writeStatus('400 Bad Request').end());
      return;
    }
    // onData runs outside the route callback, so cork the whole response.
    if (!aborted) {
      res.cork(() => {
        res.writeHeader('Content-Type', 'application/json').end(payload);
      });
    }
  });
});

// POST /realistic: guard, validation, three fields out (servers/_realistic.js). The header must be
// read before the callback returns: `req` dies with it. ajv is loaded on the first call, so that
// the baseline's startup time, and its memory on the other endpoints (measured before this one),
// stay those of raw uWS.
let realisticRoute = null;
app.post('/realistic', (res, req) => {
  const { realistic, STATUS_LINES } = (realisticRoute ??= require('./_realistic'));
  const apiKey = req.getHeader('x-api-key');
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
    const body = chunks ? Buffer.concat([...chunks, Buffer.from(chunk)]) : Buffer.from(chunk);
    const [status, payload] = realistic(apiKey, body.toString());
    if (aborted) return;
    res.cork(() => {
      if (status !== 200) res.writeStatus(STATUS_LINES[status]);
      res.writeHeader('Content-Type', 'application/json').end(payload);
    });
  });
});

app.listen(host, port, (socket) => {
  if (!socket) {
    console.error(`uws-raw: cannot listen on ${host}:${port}`);
    process.exit(1);
  }
});

'use strict';
// One HTTP request to 127.0.0.1 with a deadline, resolving to status, headers
// and body. Used to detect that a server is up and to check its responses.
const http = require('node:http');

function httpRequest({ port, method = 'GET', path, body, headers: extraHeaders = {}, timeoutMs = 2000 }) {
  return new Promise((resolve, reject) => {
    const bodyHeaders = body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
    const headers = { ...bodyHeaders, ...extraHeaders };
    // agent:false: a fresh connection per call, so no socket is left open to the server.
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response to ${method} ${path} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

module.exports = { httpRequest };

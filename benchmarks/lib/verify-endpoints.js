'use strict';
// Checks every endpoint of a freshly started server answers exactly what
// lib/endpoints.js expects before any load is measured. A server that
// answers 404 or the wrong body would otherwise post great numbers.
const { isDeepStrictEqual } = require('node:util');
const { httpRequest } = require('./http-request');

function problemWith(endpoint, res) {
  const { expect } = endpoint;
  if (res.status !== 200) return `status ${res.status}, expected 200`;
  const contentType = String(res.headers['content-type'] || '');
  if (!contentType.startsWith(expect.contentType)) return `content-type "${contentType}", expected ${expect.contentType}`;
  if (expect.body !== undefined && res.body !== expect.body) return `body ${JSON.stringify(res.body)}, expected ${JSON.stringify(expect.body)}`;
  if (expect.json !== undefined) {
    let parsed;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      return `body is not JSON: ${JSON.stringify(res.body.slice(0, 200))}`;
    }
    if (!isDeepStrictEqual(parsed, expect.json)) return `body ${res.body}, expected ${JSON.stringify(expect.json)}`;
  }
  return null;
}

/** Throws, naming the server and endpoint, on the first wrong response. */
async function verifyEndpoints(serverName, port, endpoints) {
  for (const endpoint of endpoints) {
    const res = await httpRequest({ port, method: endpoint.method, path: endpoint.path, body: endpoint.body, headers: endpoint.headers });
    const problem = problemWith(endpoint, res);
    if (problem) throw new Error(`${serverName}: ${endpoint.method} ${endpoint.path}: ${problem}`);
    for (const reject of endpoint.rejects ?? []) {
      const refused = await httpRequest({ port, method: endpoint.method, path: endpoint.path, body: reject.body, headers: reject.headers });
      if (refused.status !== reject.status) {
        throw new Error(`${serverName}: ${endpoint.method} ${endpoint.path} with ${reject.what}: status ${refused.status}, expected ${reject.status}`);
      }
    }
  }
}

module.exports = { verifyEndpoints };

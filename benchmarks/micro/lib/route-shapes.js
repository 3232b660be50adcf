'use strict';
// The routes the micro-benchmarks register: N routes of one shape each, named so that no two share
// a prefix beyond the first segment's stem (as an API's resources would), plus the request paths
// that hit them, spread over every route so no single tree branch stays hot in the CPU cache.

const SHAPES = {
  /** `/resource17/items`: static. */
  static: { route: (i) => `/resource${i}/items`, request: (i) => `/resource${i}/items` },
  /** `/resource17/items/:id`: one parameter. */
  param: { route: (i) => `/resource${i}/items/:id`, request: (i) => `/resource${i}/items/${1000 + i}` },
  /** `/resource17/files/*`: a wildcard tail. */
  wildcard: { route: (i) => `/resource${i}/files/*`, request: (i) => `/resource${i}/files/2024/report-${i}.pdf` },
};

/** `count` routes of `shape`: [{ method, path }]. */
function routesOf(shape, count) {
  return Array.from({ length: count }, (_, i) => ({ method: 'GET', path: SHAPES[shape].route(i) }));
}

/** 256 request paths spread evenly over the `count` routes of `shape`. */
function requestsFor(shape, count) {
  const paths = [];
  for (let k = 0; k < 256; k++) paths.push(SHAPES[shape].request(Math.floor((k * count) / 256)));
  return paths;
}

module.exports = { SHAPES, routesOf, requestsFor };

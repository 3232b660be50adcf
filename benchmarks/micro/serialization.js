'use strict';
// Response serialization: what a route with a response schema runs (fast-json-stringify, compiled
// by Armature from the schema; in production the value is not validated first) against
// JSON.stringify (routes without a schema), and what the same schema costs in development
// (validated with ajv, then serialized: `NODE_ENV !== 'production'`), for the benchmark's
// payloads: small flat objects to a list of 20 nested items.
//   node benchmarks/micro/serialization.js [--time 1000] [--core DIR]
require('reflect-metadata');
const { Bench } = require('tinybench');
const { loadCore, benchOptions, clockName, printTable } = require('./lib/options');

const BATCH = 256;

/** Payloads and their schemas (TypeBox, as an application declares them). */
function payloads(t) {
  const address = { street: "12 St James's Square", city: 'London', zip: 'SW1Y 4JH' };
  const user = { id: 12345, name: 'Ada Lovelace', email: 'ada.lovelace@example.com', active: true, roles: ['admin', 'editor'], tags: ['math', 'engines', 'poetry'], address };
  const User = t.Object({
    id: t.Integer(),
    name: t.String(),
    email: t.String(),
    active: t.Boolean(),
    roles: t.Array(t.String()),
    tags: t.Array(t.String()),
    address: t.Object({ street: t.String(), city: t.String(), zip: t.String() }),
  });
  return {
    '{ message } (GET /json)': { value: { message: 'Hello, World!' }, schema: t.Object({ message: t.String() }) },
    '{ id, name } (GET /users/:id)': { value: { id: '42', name: 'User 42' }, schema: t.Object({ id: t.String(), name: t.String() }) },
    'user, 7 fields, nested (POST /echo)': { value: user, schema: User },
    'list of 20 users': { value: Array.from({ length: 20 }, (_, i) => ({ ...user, id: i })), schema: t.Array(User) },
  };
}

/** Armature's serializer for a schema, as a route compiles it (`check`: validate first, the development default). */
function armatureSerializer(core, schema, check) {
  class Holder {
    handler() {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Holder.prototype, 'handler');
  core.Schema({ response: schema })(Holder.prototype, 'handler', descriptor);
  const compiled = core.compileRouteSchemas({ handler: Holder.prototype.handler, method: 'GET', defaultStatus: 200, checkResponses: check });
  return compiled.serializerFor(200);
}

async function measure() {
  const { core } = loadCore();
  const results = [];
  for (const [name, { value, schema }] of Object.entries(payloads(core.t))) {
    const fast = armatureSerializer(core, schema, false);
    const checked = armatureSerializer(core, schema, true);
    if (JSON.parse(fast(value)) === undefined || fast(value) !== JSON.stringify(value)) throw new Error(`${name}: serializers disagree`);
    const bench = new Bench(benchOptions());
    const run = (serialize) => () => {
      let bytes = 0;
      for (let i = 0; i < BATCH; i++) bytes += serialize(value).length;
      if (bytes === 0) throw new Error('nothing serialized');
    };
    bench.add('JSON.stringify (no schema)', run(JSON.stringify));
    bench.add('response schema, production (fast-json-stringify)', run(fast));
    bench.add('response schema, development (ajv check + fast-json-stringify)', run(checked));
    await bench.run();
    for (const row of printTable(`serialization: ${name} (${clockName()})`, bench, { perOp: BATCH })) results.push({ payload: name, ...row });
  }
  return results;
}

if (require.main === module) {
  console.log(`# response serialization, node ${process.version}`);
  measure().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { measure };

'use strict';
// The same Armature gateway on the node:http adapter (the `ws` package underneath; topics in JS).
const { NodeAdapter } = require('@armature/platform-node');
const { createBenchModule } = require('./_armature-gateway');

createBenchModule(new NodeAdapter()).catch((error) => {
  console.error(error);
  process.exit(1);
});

'use strict';
// Armature gateway on uWS: server.emit() is one native publish to the gateway's "everyone" topic.
// Loads the built packages: run `npm run build` at the root first.
const { UwsAdapter } = require('@armature/platform-uws');
const { createBenchModule } = require('./_armature-gateway');

createBenchModule(new UwsAdapter()).catch((error) => {
  console.error(error);
  process.exit(1);
});

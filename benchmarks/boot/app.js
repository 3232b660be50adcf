'use strict';
// The application the boot benchmark starts: lib/generated-app.js with ROUTES routes (default
// 200) on the uWS adapter (ADAPTER=node for the node one), SCHEMAS=1 for the schema-first
// variant. Listens on PORT like the servers in servers/. With BOOT_TRACE=1 it prints, on stderr,
// one JSON line of milestones in ms since the process started (performance.now's origin) when
// the first request reaches a handler: node's own start-up until this file runs, requiring
// Armature, building the app, listening, the first request.
// BOOT_EXIT=1 exits once listening (to profile the boot alone).
const marks = { nodeReady: performance.now() };
const core = require('@armature/core');
const adapterPackage = process.env.ADAPTER === 'node' ? '@armature/platform-node' : '@armature/platform-uws';
const { [process.env.ADAPTER === 'node' ? 'NodeAdapter' : 'UwsAdapter']: Adapter } = require(adapterPackage);
marks.required = performance.now();
const { createGeneratedModule } = require('../lib/generated-app');

async function main() {
  // The milestones are printed when the first request reaches its handler: the time between
  // listening and that moment is the first request's own cost (cold code, find-my-way compiling
  // its lookup function on the first lookup).
  const onPlaintext = () => {
    if (marks.firstRequest !== undefined) return;
    marks.firstRequest = performance.now();
    if (process.env.BOOT_TRACE === '1') process.stderr.write(`BOOT_TRACE ${JSON.stringify(marks)}\n`);
  };
  const AppModule = createGeneratedModule(core, { routes: Number(process.env.ROUTES || 200), schemas: process.env.SCHEMAS === '1', onPlaintext });
  marks.declared = performance.now();
  const app = await core.ArmatureFactory.create(AppModule, new Adapter(), { logger: false });
  marks.created = performance.now();
  await app.init();
  marks.initialized = performance.now();
  await app.listen(Number(process.env.PORT), process.env.HOST || '127.0.0.1');
  marks.listening = performance.now();
  // For profilers (node --cpu-prof, valgrind): stop once listening, so the profile is the boot.
  if (process.env.BOOT_EXIT === '1') process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

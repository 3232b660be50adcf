'use strict';
// The same Armature app on the node:http adapter (the fallback), to compare with node-http and Fastify.
const { ArmatureFactory } = require('@armature/core');
const { NodeAdapter } = require('@armature/platform-node');
const { createAppModule } = require('./_nest-app');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

async function main() {
  const AppModule = await createAppModule(require('@armature/core'));
  const app = await ArmatureFactory.create(AppModule, new NodeAdapter(), { logger: false });
  await app.listen(port, host);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

'use strict';
// Armature with decorators, on its default uWS adapter, production settings (logger off): the very
// same controller module as the nest-* servers (servers/_nest-app.js), built from @armature/core
// instead of @nestjs/common. Loads the built packages: run `npm run build` at the root first.
const { ArmatureFactory } = require('@armature/core');
const { UwsAdapter } = require('@armature/platform-uws');
const { createAppModule } = require('./_nest-app');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

async function main() {
  const AppModule = await createAppModule(require('@armature/core'));
  const app = await ArmatureFactory.create(AppModule, new UwsAdapter(), { logger: false });
  await app.listen(port, host);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

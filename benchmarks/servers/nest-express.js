'use strict';
// NestJS on @nestjs/platform-express, production settings: logger off, and the
// same Express settings as express.js so the gap between them is NestJS's own.
const { createAppModule } = require('./_nest-app');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

async function main() {
  const { NestFactory } = await import('@nestjs/core');
  const AppModule = await createAppModule();
  const app = await NestFactory.create(AppModule, { logger: false });
  app.disable('etag');
  app.disable('x-powered-by');
  await app.listen(port, host);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

'use strict';
// NestJS on @nestjs/platform-fastify, production settings: logger off on both
// NestJS and Fastify. No response schemas: NestJS does not attach them.
const { createAppModule } = require('./_nest-app');

const port = Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

async function main() {
  const { NestFactory } = await import('@nestjs/core');
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const AppModule = await createAppModule();
  const app = await NestFactory.create(AppModule, new FastifyAdapter({ logger: false }), { logger: false });
  await app.listen(port, host);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { createApp } from './app';

async function main(): Promise<void> {
  const server = await createApp().run({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '0.0.0.0' });
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();

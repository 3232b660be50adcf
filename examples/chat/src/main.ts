import { ArmatureFactory } from '@armature/core';
import { RedisWsAdapter } from '@armature/websocket';
import { AppModule } from './app.module';

/**
 * `npm start`, then open http://localhost:3000 in two browser tabs.
 * With REDIS_URL set, start several instances on different PORTs: rooms span all of them.
 */
async function bootstrap(): Promise<void> {
  const app = await ArmatureFactory.create(AppModule);
  if (process.env.REDIS_URL) app.useWebSocketAdapter(new RedisWsAdapter({ redis: process.env.REDIS_URL, channelPrefix: 'example-chat:' }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0');
}

void bootstrap();

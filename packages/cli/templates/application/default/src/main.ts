import { ArmatureFactory } from '@armature/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await ArmatureFactory.create(AppModule);
  // SIGINT/SIGTERM close the server and run the shutdown hooks (and let `start --watch` restart cleanly).
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0');
}

void bootstrap();

import { ArmatureFactory, ValidationPipe } from '@armature/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await ArmatureFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0');
}

void bootstrap();

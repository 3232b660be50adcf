import { Module } from '@armature/core';
import { ChatModule } from './chat/chat.module';
import { PageController } from './page/page.controller';

@Module({
  imports: [ChatModule],
  controllers: [PageController],
})
export class AppModule {}

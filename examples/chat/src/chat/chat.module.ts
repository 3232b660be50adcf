import { Module } from '@armature/core';
import { ChatGateway } from './chat.gateway';
import { NicknameGuard } from './nickname.guard';
import { RoomHistory } from './room-history';

@Module({ providers: [ChatGateway, RoomHistory, NicknameGuard] })
export class ChatModule {}

import type { PipeTransform } from '@armature/core';
import { WsException } from '@armature/websocket';

const ROOM = /^[\p{L}\p{N}_-]{1,32}$/u;

export class RoomNamePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !ROOM.test(value)) throw new WsException('room must be 1 to 32 letters, digits, - or _');
    return value;
  }
}

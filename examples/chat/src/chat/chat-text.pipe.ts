import type { PipeTransform } from '@armature/core';
import { WsException } from '@armature/websocket';

const MAX_LENGTH = 500;

/** A chat line: a non-empty string of at most 500 characters, trimmed. */
export class ChatTextPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || value.trim() === '') throw new WsException('text must be a non-empty string');
    if (value.length > MAX_LENGTH) throw new WsException(`text must be at most ${MAX_LENGTH} characters`);
    return value.trim();
  }
}

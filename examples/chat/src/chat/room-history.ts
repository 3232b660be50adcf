import { Injectable } from '@armature/core';

export interface ChatLine {
  room: string;
  from: string;
  text: string;
  at: number;
}

const KEEP = 20;

/** The last few lines of each room, so that a newcomer sees the conversation. Bounded per room. */
@Injectable()
export class RoomHistory {
  private readonly lines = new Map<string, ChatLine[]>();

  add(line: ChatLine): void {
    const list = this.lines.get(line.room) ?? [];
    list.push(line);
    if (list.length > KEEP) list.shift();
    this.lines.set(line.room, list);
  }

  of(room: string): readonly ChatLine[] {
    return this.lines.get(room) ?? [];
  }

  /** Called when a room empties: nothing is kept for rooms nobody is in. */
  forget(room: string): void {
    this.lines.delete(room);
  }
}

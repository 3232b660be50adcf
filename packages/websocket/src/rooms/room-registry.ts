/** What the registry needs of a member: its own room set and its topic subscriptions. */
export interface RoomMember {
  /** The member's rooms; the registry is the only writer. */
  readonly joined: Set<string>;
  subscribe(room: string): void;
  unsubscribe(room: string): void;
}

const NO_MEMBERS: ReadonlySet<never> = new Set();

/**
 * Room membership of one gateway path, kept in JS for queries (uWS topics cannot be listed).
 * Every change is synchronous, so there is no window between "is the room empty?" and "delete it":
 * the member set that becomes empty is deleted in the same step (`delete() && size === 0`), and a
 * room exists exactly while it has members. Nothing else is kept per room, so join/leave cycles
 * leave nothing behind.
 */
export class RoomRegistry<M extends RoomMember> {
  private readonly members = new Map<string, Set<M>>();

  /** False when already a member. */
  join(member: M, room: string): boolean {
    if (member.joined.has(room)) return false;
    member.joined.add(room);
    let set = this.members.get(room);
    if (set === undefined) this.members.set(room, (set = new Set()));
    set.add(member);
    member.subscribe(room);
    return true;
  }

  /** False when not a member. */
  leave(member: M, room: string): boolean {
    if (!member.joined.delete(room)) return false;
    const set = this.members.get(room);
    if (set !== undefined && set.delete(member) && set.size === 0) this.members.delete(room);
    member.unsubscribe(room);
    return true;
  }

  /**
   * On disconnect: the socket's subscriptions die with it, so only the registry is updated. The
   * member keeps its own list, so that `handleDisconnect` can still tell the rooms it was in.
   */
  forget(member: M): void {
    for (const room of member.joined) {
      const set = this.members.get(room);
      if (set !== undefined && set.delete(member) && set.size === 0) this.members.delete(room);
    }
  }

  size(room: string): number {
    return this.members.get(room)?.size ?? 0;
  }

  membersOf(room: string): ReadonlySet<M> {
    return this.members.get(room) ?? NO_MEMBERS;
  }

  /** Rooms that have at least one member here. */
  names(): string[] {
    return [...this.members.keys()];
  }

  get roomCount(): number {
    return this.members.size;
  }
}

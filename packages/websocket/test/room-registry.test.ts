import { RoomRegistry, type RoomMember } from '../src/rooms/room-registry';

class Member implements RoomMember {
  readonly joined = new Set<string>();
  readonly topics: string[] = [];
  constructor(readonly name: string) {}
  subscribe(room: string): void {
    this.topics.push(`+${room}`);
  }
  unsubscribe(room: string): void {
    this.topics.push(`-${room}`);
  }
}

describe('RoomRegistry', () => {
  it('creates a room with its first member and deletes it with its last, in the same step', () => {
    const rooms = new RoomRegistry<Member>();
    const [a, b] = [new Member('a'), new Member('b')];
    expect(rooms.join(a, 'x')).toBe(true);
    expect(rooms.join(a, 'x')).toBe(false);
    rooms.join(b, 'x');
    expect(rooms.size('x')).toBe(2);
    expect(rooms.leave(a, 'x')).toBe(true);
    expect(rooms.leave(a, 'x')).toBe(false);
    expect(rooms.names()).toEqual(['x']);
    rooms.leave(b, 'x');
    expect(rooms.names()).toEqual([]);
    expect(rooms.roomCount).toBe(0);
    expect(a.topics).toEqual(['+x', '-x']);
  });

  it('forgets a disconnected member everywhere, leaving its own list and (dead) subscriptions alone', () => {
    const rooms = new RoomRegistry<Member>();
    const [a, b] = [new Member('a'), new Member('b')];
    for (const room of ['r1', 'r2', 'r3']) rooms.join(a, room);
    rooms.join(b, 'r2');
    rooms.forget(a);
    expect(rooms.names()).toEqual(['r2']);
    expect([...a.joined]).toEqual(['r1', 'r2', 'r3']);
    expect(a.topics).toEqual(['+r1', '+r2', '+r3']);
  });

  it('tolerates leaves and joins while a room is being iterated (a broadcast in progress)', () => {
    const rooms = new RoomRegistry<Member>();
    const members = Array.from({ length: 10 }, (_, i) => new Member(`m${i}`));
    for (const m of members) rooms.join(m, 'live');
    const visited: string[] = [];
    for (const member of rooms.membersOf('live')) {
      visited.push(member.name);
      if (member.name === 'm2') rooms.leave(members[5], 'live'); // not visited yet: skipped
      if (member.name === 'm3') rooms.leave(members[0], 'live'); // already visited
    }
    expect(visited).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm6', 'm7', 'm8', 'm9']);
    for (const m of members) rooms.leave(m, 'live');
    expect(rooms.roomCount).toBe(0);
    // A room emptied during its own iteration is gone, and a later join starts a fresh one.
    rooms.join(members[1], 'live');
    expect(rooms.size('live')).toBe(1);
  });

  it('keeps nothing after 100k cycles over 1000 rooms', () => {
    const rooms = new RoomRegistry<Member>();
    const members = Array.from({ length: 50 }, (_, i) => new Member(`m${i}`));
    for (let i = 0; i < 100_000; i++) {
      const member = members[i % members.length];
      const room = `room-${i % 1000}`;
      rooms.join(member, room);
      if (i % 3 !== 0) rooms.leave(member, room);
    }
    const [leavers, disconnected] = [members.slice(0, 25), members.slice(25)];
    for (const m of leavers) for (const room of [...m.joined]) rooms.leave(m, room);
    for (const m of disconnected) rooms.forget(m);
    expect(rooms.roomCount).toBe(0);
    expect(leavers.every((m) => m.joined.size === 0)).toBe(true);
  });
});

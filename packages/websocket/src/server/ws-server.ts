import type { WebSocketHost, WebSocketMessage } from '@armature/core';
import { RoomRegistry } from '../rooms/room-registry';
import { everyoneTopic, roomTopic } from '../rooms/topics';
import type { BroadcastBus, BroadcastEnvelope } from '../scale/broadcast-bus';
import type { Backpressure } from './backpressure';
import { BroadcastOperator, type BroadcastSink, type BroadcastTarget } from './broadcast-operator';
import type { ClientHub } from './client-hub';
import type { WsClient } from './ws-client';

/**
 * The server of one gateway path: what `@WebSocketServer()` injects. Broadcasts to everyone or to a
 * room are one native publish on uWS (the host's topics), plus one message to the other instances
 * when a scale-out adapter is configured. Membership queries answer for this instance.
 */
export class WsServer implements ClientHub, BroadcastSink {
  /** Clients connected to this instance. */
  readonly clients = new Set<WsClient>();
  /** @internal */
  readonly rooms = new RoomRegistry<WsClient>();
  private readonly everyone: string;
  private readonly toEveryone: BroadcastOperator;
  private sweepTimer: NodeJS.Immediate | undefined;
  private sweepScope: Set<string> | 'all' | undefined;

  constructor(
    readonly path: string,
    private readonly host: WebSocketHost,
    /** @internal */ readonly backpressure: Backpressure,
    private readonly bus: BroadcastBus | undefined,
  ) {
    this.everyone = everyoneTopic(path);
    this.toEveryone = new BroadcastOperator(this);
  }

  /** `{ event, data }` to every client of this gateway, on every instance. */
  emit(event: string, data?: unknown): void {
    this.toEveryone.emit(event, data);
  }

  to(rooms: string | readonly string[]): BroadcastOperator {
    return this.toEveryone.to(rooms);
  }

  in(rooms: string | readonly string[]): BroadcastOperator {
    return this.toEveryone.to(rooms);
  }

  except(rooms: string | readonly string[]): BroadcastOperator {
    return this.toEveryone.except(rooms);
  }

  /** Broadcasts that stay on this instance. */
  get local(): BroadcastOperator {
    return this.toEveryone.local;
  }

  /** Members of `room` on this instance. */
  roomSize(room: string): number {
    return this.rooms.size(room);
  }

  /** Clients of `room` on this instance (a live view: copy it to keep it). */
  socketsIn(room: string): ReadonlySet<WsClient> {
    return this.rooms.membersOf(room);
  }

  /** Rooms with at least one member on this instance. */
  roomNames(): string[] {
    return this.rooms.names();
  }

  /** @internal ClientHub */
  operator(sender?: WsClient): BroadcastOperator {
    return sender === undefined ? this.toEveryone : new BroadcastOperator(this, [], [], sender);
  }

  /** @internal ClientHub */
  topicOf(room: string): string {
    return roomTopic(this.path, room);
  }

  /** @internal a client opened: it takes part in `emit()` to everyone. */
  addClient(client: WsClient): void {
    this.clients.add(client);
    client.connection.subscribe(this.everyone);
  }

  /** @internal the client's socket is closed. */
  removeClient(client: WsClient): void {
    this.clients.delete(client);
    client.markClosed();
  }

  /** @internal BroadcastSink: here, then (unless `local`) on the other instances. */
  deliver(target: BroadcastTarget, message: WebSocketMessage, isBinary: boolean): void {
    this.deliverHere(target.rooms, target.excluded, target.sender, message, isBinary);
    if (this.bus !== undefined && !target.localOnly) {
      this.bus.publish({ path: this.path, rooms: target.rooms, except: target.excluded, payload: toPayload(message), binary: isBinary });
    }
  }

  /** @internal a broadcast from another instance. */
  receive(envelope: BroadcastEnvelope): void {
    this.deliverHere(envelope.rooms, envelope.except, undefined, envelope.payload, envelope.binary);
  }

  /** @internal */
  dispose(): void {
    if (this.sweepTimer !== undefined) clearImmediate(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  /**
   * HOT PATH: one room or everyone, nobody excluded but the sender → one native publish (uWS skips
   * the publishing socket itself). Anything else → each receiver once, from the JS membership.
   */
  private deliverHere(rooms: readonly string[], except: readonly string[], sender: WsClient | undefined, message: WebSocketMessage, isBinary: boolean): void {
    if (except.length === 0 && rooms.length <= 1) {
      const topic = rooms.length === 0 ? this.everyone : roomTopic(this.path, rooms[0]);
      if (sender !== undefined && sender.connected) sender.connection.publish(topic, message, isBinary);
      else this.host.publish(topic, message, isBinary);
      if (this.backpressure.needsSweep) this.scheduleSweep(rooms.length === 0 ? undefined : rooms[0]);
      return;
    }
    for (const client of this.receivers(rooms)) {
      if (client === sender || (except.length > 0 && isInAny(client, except))) continue;
      client.send(message, isBinary);
    }
  }

  /** Clients of any of `rooms` (everyone when none), each once. */
  private *receivers(rooms: readonly string[]): Iterable<WsClient> {
    if (rooms.length === 0) {
      yield* this.clients;
      return;
    }
    if (rooms.length === 1) {
      yield* [...this.rooms.membersOf(rooms[0])];
      return;
    }
    const seen = new Set<WsClient>();
    for (const room of rooms) {
      for (const client of this.rooms.membersOf(room)) {
        if (seen.has(client)) continue;
        seen.add(client);
        yield client;
      }
    }
  }

  /** One backlog check per event-loop turn, for the rooms published to during it. */
  private scheduleSweep(room: string | undefined): void {
    const scope = this.sweepScope;
    if (room === undefined) this.sweepScope = 'all';
    else if (scope === undefined) this.sweepScope = new Set([room]);
    else if (scope !== 'all') scope.add(room);
    if (this.sweepTimer !== undefined) return;
    this.sweepTimer = setImmediate(() => {
      const scope = this.sweepScope;
      this.sweepTimer = undefined;
      this.sweepScope = undefined;
      if (scope === 'all') this.backpressure.sweep([...this.clients]);
      else if (scope !== undefined) for (const room of scope) this.backpressure.sweep([...this.rooms.membersOf(room)]);
    });
  }
}

function isInAny(client: WsClient, rooms: readonly string[]): boolean {
  for (const room of rooms) if (client.joined.has(room)) return true;
  return false;
}

/** Buses carry strings or bytes; an ArrayBuffer becomes a view on it. */
function toPayload(message: WebSocketMessage): string | Uint8Array {
  return message instanceof ArrayBuffer ? new Uint8Array(message) : message;
}

import { randomUUID } from 'node:crypto';
import { WebSocketSendStatus, type ArmatureRequest, type WebSocketConnection, type WebSocketMessage } from '@armature/core';
import { encodeEvent } from '../messages/message-codec';
import type { RoomMember } from '../rooms/room-registry';
import type { BackloggedClient } from './backpressure';
import type { BroadcastOperator } from './broadcast-operator';
import type { ClientHub } from './client-hub';

interface Unsubscribable {
  unsubscribe(): void;
}

/** What the host keeps for a socket of a gateway: the upgrade request, then the client. */
export interface ClientSlot {
  readonly request: ArmatureRequest;
  client: WsClient | undefined;
}

/** socket.io's `handshake`, read from the upgrade request. */
export interface WsHandshake {
  readonly headers: ArmatureRequest['headers'];
  readonly query: Record<string, unknown>;
  readonly address: string;
  readonly url: string;
  /** When the client connected (ms since epoch). */
  readonly issued: number;
}

/**
 * One connected client of a gateway: what `@ConnectedSocket()` gives and `handleConnection` gets.
 * Sends follow the gateway's backpressure policy; rooms are the gateway's (uWS topics underneath).
 */
export class WsClient<TData extends Record<string, unknown> = Record<string, any>> implements RoomMember, BackloggedClient {
  /** Per-client state; upgrade guards' `request.user` lands in `data.user`. */
  data: TData;
  /** Messages dropped by the `drop` backpressure policy. */
  droppedMessages = 0;
  /** @internal the registry's view of this client's rooms. */
  readonly joined = new Set<string>();
  private isConnected = true;
  private readonly issued = Date.now();
  private drainWaiters: Array<() => void> | undefined;
  private lazyId: string | undefined;
  private streams: Set<Unsubscribable> | undefined;

  constructor(
    /** @internal */ readonly connection: WebSocketConnection<ClientSlot>,
    /** The HTTP upgrade request (headers, query, ip), as `socket.request` in socket.io. */
    readonly request: ArmatureRequest,
    private readonly hub: ClientHub,
  ) {
    const user = (request as ArmatureRequest & { user?: unknown }).user;
    this.data = (user === undefined ? {} : { user }) as TData;
  }

  /** A random id, unique to this connection (made on first use). */
  get id(): string {
    return (this.lazyId ??= randomUUID());
  }

  get handshake(): WsHandshake {
    const request = this.request;
    return { headers: request.headers, query: request.query, address: request.ip ?? this.connection.remoteAddress, url: request.url, issued: this.issued };
  }

  /** False from the moment it starts closing. */
  get connected(): boolean {
    return this.isConnected && this.connection.isOpen;
  }

  /** Rooms this client is in (after a disconnect: the rooms it was in, which no longer count it). */
  get rooms(): ReadonlySet<string> {
    return this.joined;
  }

  /** Unsent bytes waiting for this client. */
  get bufferedAmount(): number {
    return this.connection.getBufferedAmount();
  }

  join(rooms: string | readonly string[]): void {
    if (!this.isConnected) return;
    if (typeof rooms === 'string') this.hub.rooms.join(this, rooms);
    else for (const room of rooms) this.hub.rooms.join(this, room);
  }

  leave(room: string): void {
    this.hub.rooms.leave(this, room);
  }

  /** Sends `{ event, data }` to this client. False when it was dropped or the client is over its backpressure limit. */
  emit(event: string, data?: unknown): boolean {
    return this.send(encodeEvent(event, data));
  }

  /** Sends a raw message (text, or bytes with `isBinary`). */
  send(message: WebSocketMessage, isBinary = false): boolean {
    if (!this.connected) return false;
    const status = this.connection.send(message, isBinary);
    return status === WebSocketSendStatus.SUCCESS || this.hub.backpressure.afterSend(this, status);
  }

  /** Everyone in `room` but this client. */
  to(room: string | readonly string[]): BroadcastOperator {
    return this.hub.operator(this).to(room);
  }

  in(room: string | readonly string[]): BroadcastOperator {
    return this.to(room);
  }

  /** Everyone on this gateway but this client. */
  get broadcast(): BroadcastOperator {
    return this.hub.operator(this);
  }

  /** Closing handshake with `code` (default 1000). */
  close(code = 1000, reason?: string): void {
    this.connection.end(code, reason);
  }

  /** socket.io's name for `close()`. */
  disconnect(): void {
    this.close();
  }

  /** Resolves once this client's backlog is back under the limit (at once if it is; also when it disconnects). */
  drained(): Promise<void> {
    if (!this.connected || this.bufferedAmount <= this.hub.backpressure.limit) return Promise.resolve();
    return new Promise((resolve) => (this.drainWaiters ??= []).push(resolve));
  }

  /** @internal BackloggedClient */
  countDropped(): void {
    this.droppedMessages++;
  }

  /** @internal the host's drain callback */
  onDrain(): void {
    if (this.drainWaiters !== undefined && this.bufferedAmount <= this.hub.backpressure.limit) this.releaseWaiters();
  }

  /** @internal the host's close callback; the socket's subscriptions are already gone. */
  markClosed(): void {
    this.isConnected = false;
    this.hub.rooms.forget(this);
    this.releaseWaiters();
    const streams = this.streams;
    this.streams = undefined;
    if (streams !== undefined) for (const stream of streams) stream.unsubscribe();
  }

  /** @internal a reply stream (an Observable handler result) that ends with the connection. */
  untilClosed(stream: Unsubscribable): void {
    if (this.isConnected) (this.streams ??= new Set()).add(stream);
    else stream.unsubscribe();
  }

  /** @internal the stream completed by itself. */
  release(stream: Unsubscribable): void {
    this.streams?.delete(stream);
  }

  /** @internal RoomMember */
  subscribe(room: string): void {
    this.connection.subscribe(this.hub.topicOf(room));
  }

  /** @internal RoomMember */
  unsubscribe(room: string): void {
    this.connection.unsubscribe(this.hub.topicOf(room));
  }

  private releaseWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = undefined;
    if (waiters !== undefined) for (const resolve of waiters) resolve();
  }
}

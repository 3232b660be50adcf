import type { WebSocketMessage } from '@armature/core';
import { encodeEvent } from '../messages/message-codec';
import type { WsClient } from './ws-client';

/** Who a broadcast reaches: rooms (none: everyone), rooms to leave out, a sender to skip, this instance only. */
export interface BroadcastTarget {
  readonly rooms: readonly string[];
  readonly excluded: readonly string[];
  readonly sender: WsClient | undefined;
  readonly localOnly: boolean;
}

export interface BroadcastSink {
  deliver(target: BroadcastTarget, message: WebSocketMessage, isBinary: boolean): void;
}

const list = (rooms: string | readonly string[]): readonly string[] => (typeof rooms === 'string' ? [rooms] : rooms);

/**
 * socket.io's chainable broadcast: `server.to('a').to('b').except('c').emit(event, data)`. Immutable:
 * each call returns a new operator. The message is encoded once, whatever the number of receivers.
 */
export class BroadcastOperator implements BroadcastTarget {
  constructor(
    private readonly sink: BroadcastSink,
    readonly rooms: readonly string[] = [],
    readonly excluded: readonly string[] = [],
    readonly sender: WsClient | undefined = undefined,
    readonly localOnly = false,
  ) {}

  to(rooms: string | readonly string[]): BroadcastOperator {
    return new BroadcastOperator(this.sink, [...this.rooms, ...list(rooms)], this.excluded, this.sender, this.localOnly);
  }

  in(rooms: string | readonly string[]): BroadcastOperator {
    return this.to(rooms);
  }

  except(rooms: string | readonly string[]): BroadcastOperator {
    return new BroadcastOperator(this.sink, this.rooms, [...this.excluded, ...list(rooms)], this.sender, this.localOnly);
  }

  /** Only the clients of this process (or worker thread): no scale-out adapter. */
  get local(): BroadcastOperator {
    return new BroadcastOperator(this.sink, this.rooms, this.excluded, this.sender, true);
  }

  emit(event: string, data?: unknown): void {
    this.sink.deliver(this, encodeEvent(event, data), false);
  }

  send(message: WebSocketMessage, isBinary = false): void {
    this.sink.deliver(this, message, isBinary);
  }
}

import type { RoomRegistry } from '../rooms/room-registry';
import type { Backpressure } from './backpressure';
import type { BroadcastOperator } from './broadcast-operator';
import type { WsClient } from './ws-client';

/** What a client needs from its gateway's server (kept narrow so the two files do not import each other). */
export interface ClientHub {
  readonly rooms: RoomRegistry<WsClient>;
  readonly backpressure: Backpressure;
  /** A broadcast to everyone, except `sender` when given. */
  operator(sender?: WsClient): BroadcastOperator;
  topicOf(room: string): string;
}

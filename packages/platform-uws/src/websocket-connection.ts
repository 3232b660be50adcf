import { WebSocketSendStatus, type WebSocketConnection, type WebSocketMessage } from '@armature/core';
import type { WebSocket } from '@trufflesuite/uws-js-unofficial';

/** What uWS keeps per socket: set at upgrade, completed at open. */
export interface UwsSocketData<T> {
  readonly data: T;
  readonly remoteAddress: string;
  connection: UwsWebSocketConnection<T> | undefined;
}

/**
 * One uWS WebSocket behind the adapter-neutral contract. uWS throws on any call to a closed
 * socket, so every method checks `isOpen` first (it turns false before uWS runs the close handler).
 */
export class UwsWebSocketConnection<T> implements WebSocketConnection<T> {
  isOpen = true;

  constructor(
    private readonly ws: WebSocket<UwsSocketData<T>>,
    readonly data: T,
    readonly remoteAddress: string,
  ) {}

  send(message: WebSocketMessage, isBinary = false): WebSocketSendStatus {
    if (!this.isOpen) return WebSocketSendStatus.DROPPED;
    return this.ws.send(message, isBinary) as WebSocketSendStatus;
  }

  end(code = 1000, reason?: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.ws.end(code, reason);
  }

  terminate(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.ws.close();
  }

  subscribe(topic: string): boolean {
    return this.isOpen && this.ws.subscribe(topic);
  }

  unsubscribe(topic: string): boolean {
    return this.isOpen && this.ws.unsubscribe(topic);
  }

  isSubscribed(topic: string): boolean {
    return this.isOpen && this.ws.isSubscribed(topic);
  }

  publish(topic: string, message: WebSocketMessage, isBinary = false): void {
    if (this.isOpen) this.ws.publish(topic, message, isBinary);
  }

  getBufferedAmount(): number {
    return this.isOpen ? this.ws.getBufferedAmount() : 0;
  }

  cork(fn: () => void): void {
    if (this.isOpen) this.ws.cork(fn);
    else fn();
  }
}

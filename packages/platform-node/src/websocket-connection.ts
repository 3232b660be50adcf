import type { Duplex } from 'node:stream';
import { WebSocketSendStatus, type WebSocketConnection, type WebSocketMessage } from '@armature/core';
import type { WebSocket } from 'ws';

/** The host's side of a connection: topic bookkeeping lives there, so that uWS and node behave alike. */
export interface NodeTopicRegistry {
  subscribe(connection: NodeWebSocketConnection<unknown>, topic: string): boolean;
  unsubscribe(connection: NodeWebSocketConnection<unknown>, topic: string): boolean;
  publish(topic: string, message: WebSocketMessage, isBinary: boolean, except?: NodeWebSocketConnection<unknown>): void;
}

/**
 * One `ws` WebSocket behind the adapter-neutral contract, with uWS's send semantics: a send while
 * more than `maxBackpressure` bytes wait is dropped, and `onDrain` runs once the socket's buffer
 * has been written out.
 */
export class NodeWebSocketConnection<T> implements WebSocketConnection<T> {
  isOpen = true;
  /** Set by the heartbeat, cleared by any pong or message. */
  awaitingPong = false;
  readonly topics = new Set<string>();
  private drainPending = false;
  private resolveClosed!: () => void;
  /** Resolves once the `close` handler has run. */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly data: T,
    readonly remoteAddress: string,
    private readonly maxBackpressure: number,
    private readonly registry: NodeTopicRegistry,
    private readonly onDrain: () => void,
  ) {}

  send(message: WebSocketMessage, isBinary = false): WebSocketSendStatus {
    if (!this.isOpen) return WebSocketSendStatus.DROPPED;
    const ws = this.ws;
    if (ws.bufferedAmount > this.maxBackpressure) return WebSocketSendStatus.DROPPED;
    ws.send(message, { binary: isBinary });
    if (ws.bufferedAmount === 0) return WebSocketSendStatus.SUCCESS;
    this.watchDrain();
    return WebSocketSendStatus.BACKPRESSURE;
  }

  end(code = 1000, reason?: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.ws.close(code, reason);
  }

  terminate(): void {
    this.isOpen = false;
    this.ws.terminate();
  }

  subscribe(topic: string): boolean {
    return this.isOpen && this.registry.subscribe(this, topic);
  }

  unsubscribe(topic: string): boolean {
    return this.registry.unsubscribe(this, topic);
  }

  isSubscribed(topic: string): boolean {
    return this.topics.has(topic);
  }

  publish(topic: string, message: WebSocketMessage, isBinary = false): void {
    if (this.isOpen) this.registry.publish(topic, message, isBinary, this);
  }

  getBufferedAmount(): number {
    return this.isOpen ? this.ws.bufferedAmount : 0;
  }

  cork(fn: () => void): void {
    this.socket.cork();
    try {
      fn();
    } finally {
      this.socket.uncork();
    }
  }

  /** @internal the host's heartbeat: expects a pong (or any message) before the next tick. */
  ping(): void {
    this.awaitingPong = true;
    if (this.isOpen) this.ws.ping();
  }

  /** @internal */
  markClosed(): void {
    this.resolveClosed();
  }

  /** One 'drain' listener per backpressure episode, not one per send. */
  private watchDrain(): void {
    if (this.drainPending) return;
    this.drainPending = true;
    this.socket.once('drain', () => {
      this.drainPending = false;
      if (this.isOpen) this.onDrain();
    });
  }
}

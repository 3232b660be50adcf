import { DEFAULT_WS_MAX_BACKPRESSURE, WebSocketSendStatus } from '@armature/core';
import type { BackpressureOptions, BackpressurePolicy } from '../interfaces/gateway-options';

/** RFC 6455 "policy violation": the client fell too far behind. */
export const CLOSE_POLICY_VIOLATION = 1008;
export const BACKLOG_REASON = 'Backpressure limit exceeded';

/** What the policy may do to a client. */
export interface BackloggedClient {
  readonly bufferedAmount: number;
  readonly connected: boolean;
  close(code: number, reason: string): void;
  countDropped(): void;
}

/**
 * One gateway path's backpressure rules. The host enforces the hard cap itself (uWS drops any send,
 * and any publish, to a socket holding more than `hostLimit` bytes), so memory is bounded whatever
 * the policy; the policy decides what the client learns of it.
 */
export class Backpressure {
  readonly policy: BackpressurePolicy;
  /** Above this backlog, `emit()` returns false and the policy applies. */
  readonly limit: number;
  /** `close` and `wait`: the backlog that gets a client closed with 1008. */
  readonly closeAt: number;
  /** The host's `maxBackpressure`: sends beyond it are dropped by the host. */
  readonly hostLimit: number;

  constructor(options: BackpressureOptions = {}) {
    this.policy = options.policy ?? 'drop';
    this.limit = options.limit ?? DEFAULT_WS_MAX_BACKPRESSURE;
    this.closeAt = this.policy === 'wait' ? Math.max(options.maxBuffered ?? 4 * this.limit, this.limit) : this.limit;
    // The closing frame is a send like any other, and uWS drops it too past maxBackpressure: the
    // host's cap keeps room above `closeAt` so that the 1008 gets out behind the backlog.
    this.hostLimit = this.policy === 'drop' ? this.limit : this.closeAt + Math.max(this.limit, CLOSE_HEADROOM);
  }

  /** HOT PATH (sends that did not simply succeed): true when the client can take more. */
  afterSend(client: BackloggedClient, status: WebSocketSendStatus): boolean {
    if (status === WebSocketSendStatus.SUCCESS) return true;
    if (status === WebSocketSendStatus.DROPPED) {
      if (this.policy === 'drop') client.countDropped();
      else client.close(CLOSE_POLICY_VIOLATION, BACKLOG_REASON);
      return false;
    }
    const buffered = client.bufferedAmount;
    if (this.policy !== 'drop' && buffered > this.closeAt) {
      client.close(CLOSE_POLICY_VIOLATION, BACKLOG_REASON);
      return false;
    }
    return buffered <= this.limit;
  }

  /**
   * After a native publish the host does not say who fell behind: for `close` and `wait`, a sweep
   * of the rooms published to (once per event-loop turn, after the publishes of that turn) closes
   * the clients past `closeAt`. A burst that fills a backlog up to the host's cap within one turn
   * leaves no room for the closing frame: that client is dropped without it (1006).
   */
  get needsSweep(): boolean {
    return this.policy !== 'drop';
  }

  sweep(clients: Iterable<BackloggedClient>): void {
    for (const client of clients) {
      if (client.connected && client.bufferedAmount > this.closeAt) client.close(CLOSE_POLICY_VIOLATION, BACKLOG_REASON);
    }
  }
}

/** Room for the closing frame (and a message in flight) above `closeAt`. */
const CLOSE_HEADROOM = 64 * 1024;

import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import type { BroadcastBus, BroadcastEnvelope } from './broadcast-bus';

export interface WorkerThreadsWsAdapterOptions {
  /** Threads using the same name share broadcasts. Default `armature:ws`. */
  channel?: string;
}

interface ThreadMessage extends BroadcastEnvelope {
  readonly origin: string;
}

/**
 * Rooms across the worker threads of one process. uWS topics are per thread (each thread has its
 * own uWS app on the shared port), so a room broadcast is also posted on a `BroadcastChannel`,
 * which every other thread's gateway delivers to its own members. No setup: gateways running in a
 * worker thread use it by default.
 */
export class WorkerThreadsWsAdapter implements BroadcastBus {
  readonly origin = randomUUID();
  private channel: BroadcastChannel | undefined;

  constructor(private readonly options: WorkerThreadsWsAdapterOptions = {}) {}

  start(paths: readonly string[], deliver: (envelope: BroadcastEnvelope) => void): Promise<void> {
    const served = new Set(paths);
    const channel = (this.channel = new BroadcastChannel(this.options.channel ?? 'armature:ws'));
    // Listening must not keep a thread alive on its own.
    channel.unref();
    channel.onmessage = (event) => {
      const message = (event as unknown as { data: ThreadMessage }).data;
      if (message.origin !== this.origin && served.has(message.path)) deliver(message);
    };
    return Promise.resolve();
  }

  publish(envelope: BroadcastEnvelope): void {
    const message: ThreadMessage = { ...envelope, origin: this.origin };
    this.channel?.postMessage(message);
  }

  close(): Promise<void> {
    this.channel?.close();
    this.channel = undefined;
    return Promise.resolve();
  }
}

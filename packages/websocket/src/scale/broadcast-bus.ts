/** A broadcast as it travels between instances (processes, worker threads). */
export interface BroadcastEnvelope {
  /** The gateway path (each path has its own rooms). */
  readonly path: string;
  readonly rooms: readonly string[];
  readonly except: readonly string[];
  readonly payload: string | Uint8Array;
  readonly binary: boolean;
}

/**
 * Carries broadcasts to the other instances of the application (NestJS calls these WebSocket
 * adapters; socket.io, adapters too). `@armature/websocket` ships one on Redis pub/sub
 * (`RedisWsAdapter`) and one across the worker threads of a process (`WorkerThreadsWsAdapter`).
 * An instance never receives its own broadcasts back: it has delivered them locally already.
 */
export interface BroadcastBus {
  /** Starts listening for the gateway `paths`; `deliver` is called for every broadcast from another instance. */
  start(paths: readonly string[], deliver: (envelope: BroadcastEnvelope) => void): Promise<void>;
  publish(envelope: BroadcastEnvelope): void;
  close(): Promise<void>;
}

export function isBroadcastBus(value: unknown): value is BroadcastBus {
  const bus = value as Partial<BroadcastBus> | null | undefined;
  return typeof bus?.start === 'function' && typeof bus.publish === 'function' && typeof bus.close === 'function';
}

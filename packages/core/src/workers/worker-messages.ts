/** Primary → worker. */
export type ToWorker =
  /** Close gracefully (in-flight requests finish), then exit. */
  | { armature: 'drain' }
  /** The primary is exiting: close every socket now (exit-guard.ts). */
  | { armature: 'close-now' };

/** Worker → primary. */
export type FromWorker =
  | { armature: 'ready' }
  | { armature: 'failed'; message: string; code?: string; stack?: string }
  | { armature: 'warn'; message: string };

const FROM_WORKER = new Set(['ready', 'failed', 'warn']);
const TO_WORKER = new Set(['drain', 'close-now']);

function kindOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { armature?: unknown }).armature : undefined;
}

/** Armature's own messages share the channel with whatever the application sends: tell them apart. */
export function isFromWorker(message: unknown): message is FromWorker {
  return FROM_WORKER.has(kindOf(message) as string);
}

export function isToWorker(message: unknown): message is ToWorker {
  return TO_WORKER.has(kindOf(message) as string);
}

/** An incoming message in NestJS's `ws` format. */
export interface IncomingMessage {
  readonly event: string;
  readonly data: unknown;
}

/** Why a message could not be read: the `message` of the `exception` reply. */
export class DecodeFailure {
  constructor(readonly reason: string) {}
}

const INVALID_JSON = new DecodeFailure('Invalid JSON');
const NOT_AN_EVENT = new DecodeFailure('Messages must be JSON objects of the form { "event": string, "data": any }');

/**
 * HOT PATH: every message. Reads `{ event, data }` from a text or binary frame (both hold UTF-8
 * JSON, as NestJS's adapter accepts). The bytes are only valid during the host's callback, so they
 * are decoded at once.
 */
export function decodeMessage(bytes: Uint8Array): IncomingMessage | DecodeFailure {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return INVALID_JSON;
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { event?: unknown }).event !== 'string') return NOT_AN_EVENT;
  return parsed as IncomingMessage;
}

/** The wire form of an outgoing event (`data: undefined` disappears, as JSON has no undefined). */
export function encodeEvent(event: string, data: unknown): string {
  return JSON.stringify({ event, data });
}

import type { BroadcastEnvelope } from './broadcast-bus';

interface EnvelopeHeader {
  /** The sending instance: it skips its own broadcasts when they come back. */
  o: string;
  r: readonly string[];
  x: readonly string[];
  b: boolean;
}

const NEWLINE = 0x0a;

/**
 * One Redis message per broadcast: a JSON header line, then the payload bytes as they go to the
 * sockets (no second JSON encoding of an already encoded message). JSON never contains a raw
 * newline, so the first one ends the header.
 */
export function encodeEnvelope(origin: string, envelope: BroadcastEnvelope): Buffer {
  const header: EnvelopeHeader = { o: origin, r: envelope.rooms, x: envelope.except, b: envelope.binary };
  const payload = typeof envelope.payload === 'string' ? Buffer.from(envelope.payload, 'utf8') : envelope.payload;
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]);
}

/** Undefined for a message that is not an envelope (another program on the channel) or that came from `origin`. */
export function decodeEnvelope(path: string, message: Buffer, origin: string): BroadcastEnvelope | undefined {
  const end = message.indexOf(NEWLINE);
  if (end === -1) return undefined;
  let header: EnvelopeHeader;
  try {
    header = JSON.parse(message.toString('utf8', 0, end)) as EnvelopeHeader;
  } catch {
    return undefined;
  }
  if (header.o === origin || !Array.isArray(header.r) || !Array.isArray(header.x)) return undefined;
  const body = message.subarray(end + 1);
  return { path, rooms: header.r, except: header.x, binary: header.b === true, payload: header.b === true ? new Uint8Array(body) : body.toString('utf8') };
}

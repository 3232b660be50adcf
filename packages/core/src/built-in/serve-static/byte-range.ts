/** What a `Range` header asks of a file of a given size. */
export type RangeRequest =
  /** No usable range: send the whole file (no header, another unit, malformed, or several ranges). */
  | { readonly kind: 'whole' }
  /** 416: the range starts past the end of the file. */
  | { readonly kind: 'unsatisfiable' }
  /** 206: bytes `start` to `end`, both included. */
  | { readonly kind: 'partial'; readonly start: number; readonly end: number };

const WHOLE: RangeRequest = Object.freeze({ kind: 'whole' });
const UNSATISFIABLE: RangeRequest = Object.freeze({ kind: 'unsatisfiable' });
const SPEC = /^(\d*)-(\d*)$/;

/**
 * Reads `Range: bytes=...` (RFC 9110 §14.1.2): `a-b`, `a-` and the suffix form `-n`. A request for
 * several ranges gets the whole file (200), which the RFC allows, and which spares a multipart
 * body nobody but download managers asks for (and the overlapping-ranges abuse that goes with it).
 * A malformed header is ignored, as the RFC says.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return WHOLE;
  const equals = header.indexOf('=');
  if (equals === -1 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return WHOLE;
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  if (specs.length !== 1) return WHOLE;
  const match = SPEC.exec(specs[0]);
  if (match === null || (match[1] === '' && match[2] === '')) return WHOLE;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'partial', start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(match[1]);
  const last = match[2] === '' ? Number.POSITIVE_INFINITY : Number(match[2]);
  if (last < start) return WHOLE; // invalid: ignored
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'partial', start, end: Math.min(last, size - 1) };
}

/** The content codings this middleware can produce. */
export type ContentCoding = 'br' | 'gzip' | 'zstd';

export interface NegotiatedEncoding {
  /** The coding to use, or undefined to send the body as it is. */
  readonly encoding: ContentCoding | undefined;
  /** The client said `identity;q=0` (or `*;q=0` without naming identity): it wants a coding even for small bodies. */
  readonly identityRefused: boolean;
}

const AS_IS: NegotiatedEncoding = Object.freeze({ encoding: undefined, identityRefused: false });

/**
 * Picks a content coding from `Accept-Encoding` (RFC 9110 §12.5.3): the acceptable coding with the
 * highest q-value, the server's preference order breaking ties; `*` stands for every coding not
 * named; `q=0` refuses. A coding is used only if the client does not rank the uncompressed body
 * (`identity`) strictly higher. No header, or nothing acceptable, means the body goes as it is
 * (never a 406: every client can read an uncompressed body, even one that says otherwise).
 */
export function negotiateEncoding(header: string | undefined, preferred: readonly ContentCoding[]): NegotiatedEncoding {
  if (header === undefined || header === '') return AS_IS;
  const accepted = parseAcceptEncoding(header);
  const star = accepted.get('*');
  let best: ContentCoding | undefined;
  let bestQ = 0;
  for (const encoding of preferred) {
    const q = accepted.get(encoding) ?? star ?? 0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  const identityQ = accepted.get('identity') ?? star ?? implicitIdentityQ(accepted);
  if (best === undefined) return identityQ === 0 ? { encoding: undefined, identityRefused: true } : AS_IS;
  if (identityQ > bestQ) return AS_IS;
  return { encoding: best, identityRefused: identityQ === 0 };
}

/**
 * The RFC leaves an unnamed identity "acceptable" without a weight. It is ranked with the lowest
 * weight the client gave any coding it accepts, so that `gzip;q=0.1` still means "gzip rather
 * than nothing" (as the widely used `negotiator` reads it).
 */
function implicitIdentityQ(accepted: Map<string, number>): number {
  let lowest = 1;
  for (const q of accepted.values()) if (q > 0 && q < lowest) lowest = q;
  return lowest;
}

/** `gzip;q=0.8, br, *;q=0.1` → coding (lower case) → q. Malformed entries are ignored; a repeated coding keeps its highest q. */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const accepted = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name, ...params] = entry.split(';');
    let coding = name.trim().toLowerCase();
    if (coding === '') continue;
    if (coding === 'x-gzip') coding = 'gzip'; // RFC 9110 §8.4.1.3: an alias recipients should treat as gzip
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((part) => part.trim());
      if (key.toLowerCase() === 'q') q = parseQValue(value);
    }
    if (Number.isNaN(q)) continue;
    accepted.set(coding, Math.max(q, accepted.get(coding) ?? -1));
  }
  return accepted;
}

/** RFC 9110 §12.4.2 qvalue: 0 to 1, at most three decimals; NaN otherwise. */
function parseQValue(value: string | undefined): number {
  if (value === undefined || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) return Number.NaN;
  return Number(value);
}

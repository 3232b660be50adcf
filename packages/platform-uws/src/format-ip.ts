/**
 * Formats uWS's binary remote address (4 or 16 bytes from `res.getRemoteAddress()`) the way node's
 * `socket.remoteAddress` does: dotted IPv4, IPv4-mapped IPv6 as `::ffff:a.b.c.d`, other IPv6
 * compressed (RFC 5952). uWS's own text form is uncompressed (`0000:0000:...:0001`).
 */
export function formatRemoteAddress(binary: ArrayBuffer): string {
  const bytes = new Uint8Array(binary);
  if (bytes.length === 4) return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
  if (bytes.length !== 16) return '';
  if (isIpv4Mapped(bytes)) return `::ffff:${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;

  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  const [zeroStart, zeroLength] = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (zeroLength < 2) return hex.join(':');
  return `${hex.slice(0, zeroStart).join(':')}::${hex.slice(zeroStart + zeroLength).join(':')}`;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/** Start and length of the first longest run of zero groups. */
function longestZeroRun(groups: number[]): [number, number] {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < groups.length && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  return [bestStart, bestLength];
}

/** What a request path asks for, once checked: the path segments under the root, or a refusal. */
export type RequestedPath =
  | { readonly kind: 'path'; readonly segments: readonly string[]; readonly trailingSlash: boolean; readonly dotfile: boolean }
  | { readonly kind: 'refused' };

const REFUSED: RequestedPath = Object.freeze({ kind: 'refused' });
/** Encoded `/`, `\` and NUL: no file name contains them, so only an attempt to escape the root would send them. */
const ENCODED_SEPARATOR_OR_NUL = /%(2f|5c|00)/i;

/**
 * Checks a raw (still percent-encoded) path below the mount point and splits it into segments.
 * Refused, so that no file is ever looked up for them: `..` and `.` segments (raw or encoded as
 * `%2e%2e`), encoded slashes and backslashes, backslashes, NUL bytes, empty segments (`//etc`
 * would make an absolute path, and a `Location: //host` redirect), and malformed encoding.
 * Decoding happens once: `%252e%252e` is a file literally named `%2e%2e`.
 */
export function parseRequestPath(rawPath: string): RequestedPath {
  if (rawPath.includes('\\') || rawPath.includes('\0') || ENCODED_SEPARATOR_OR_NUL.test(rawPath)) return REFUSED;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return REFUSED;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return REFUSED;
  const segments = decoded.slice(1).split('/');
  const trailingSlash = segments[segments.length - 1] === '';
  if (trailingSlash) segments.pop();
  let dotfile = false;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return REFUSED;
    if (segment.startsWith('.')) dotfile = true;
  }
  return { kind: 'path', segments, trailingSlash, dotfile };
}

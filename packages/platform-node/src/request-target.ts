/**
 * The path-and-query part of an absolute-form request target (`http://host/a?b` → `/a?b`), which
 * RFC 9112 §3.2.2 requires servers to accept. `*` (OPTIONS *) and other odd targets pass unchanged:
 * the route table answers them.
 */
export function originFormOf(target: string): string {
  const scheme = target.indexOf('://');
  if (scheme === -1) return target;
  const pathStart = target.indexOf('/', scheme + 3);
  if (pathStart !== -1) return target.slice(pathStart);
  const queryStart = target.indexOf('?', scheme + 3);
  return queryStart === -1 ? '/' : `/${target.slice(queryStart)}`;
}

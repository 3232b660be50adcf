/**
 * Joins scope prefixes and a route path into one find-my-way path: `('/api/', 'v1', '/users/')`
 * → `/api/v1/users`, `('/api', '/')` → `/api`, nothing → `/`. Empty segments are dropped, so
 * prefixes may be written with or without their slashes.
 */
export function joinPath(...parts: readonly string[]): string {
  const segments: string[] = [];
  for (const part of parts) {
    for (const segment of part.split('/')) if (segment !== '') segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

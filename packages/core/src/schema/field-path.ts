// Keys that read unambiguously after a dot; anything else is written as ["key"].
const PLAIN_KEY = /^[^.[\]"\s]+$/;

/**
 * Renders where a failure is, from the part's name and ajv's JSON-pointer `instancePath`:
 * `body` + `/items/1/name` → `body.items[1].name`. The data is walked to tell an array index
 * (`[1]`) from an object key that happens to be digits (`.1`).
 */
export function fieldPath(location: string, root: unknown, instancePath: string, property?: string): string {
  let path = location;
  let current = root;
  if (instancePath !== '') {
    for (const encoded of instancePath.slice(1).split('/')) {
      const segment = encoded.replace(/~1/g, '/').replace(/~0/g, '~');
      path += appendSegment(current, segment);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return property === undefined ? path : path + appendSegment(current, property);
}

function appendSegment(container: unknown, segment: string): string {
  if (Array.isArray(container)) return `[${segment}]`;
  return PLAIN_KEY.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
}

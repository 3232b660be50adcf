import type { JsonSchema } from './json-schema';

// Keywords that constrain headers beyond the named ones: the schema then needs to see them all.
const OPEN_ENDED = ['additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependencies'];

/**
 * Header names arrive lower-cased, while schemas are often written as `{ 'X-Api-Key': ... }`.
 * Returns the schema with its property names lower-cased (a copy, only when one needs it), and
 * which headers the adapter must copy for it: uWS only copies the headers a route asks for.
 */
export function prepareHeaderSchema(schema: JsonSchema): { schema: JsonSchema; headerNames: readonly string[] | 'all' } {
  const source = schema as { properties?: Record<string, unknown>; required?: unknown };
  const properties = source.properties ?? {};
  const names = Object.keys(properties);
  const headerNames = OPEN_ENDED.some((keyword) => keyword in schema) ? 'all' : names.map((name) => name.toLowerCase());
  if (names.every((name) => name === name.toLowerCase())) return { schema, headerNames };
  const lowered: Record<string, unknown> = { ...schema };
  delete lowered.$id; // the copy is a different schema; ajv allows one schema per id
  lowered.properties = Object.fromEntries(names.map((name) => [name.toLowerCase(), properties[name]]));
  if (Array.isArray(source.required)) lowered.required = source.required.map((name) => String(name).toLowerCase());
  return { schema: lowered, headerNames };
}

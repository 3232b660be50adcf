// TypeBox marks its schemas with this registered symbol (its `Kind` export): read through the
// global registry, so telling a TypeBox schema apart does not load TypeBox.
const Kind = Symbol.for('TypeBox.Kind');
import type { JsonSchema } from './json-schema';

/** `response` of `@Schema`: one schema for the success status, or one schema per status code. */
export type ResponseSchemaSpec = JsonSchema | { readonly [status: number]: JsonSchema };

/** `response` once read: which schema answers which status. */
export interface NormalizedResponses {
  readonly responses: Readonly<Record<number, JsonSchema>>;
  readonly successResponse?: JsonSchema;
}

const STATUS_CODE = /^[1-5]\d\d$/;

/**
 * Tells a status map (`{ 200: A, 404: B }`) from a schema: a schema never has status codes as
 * keywords, and a TypeBox schema is recognised by its Kind symbol. An object mixing both is a
 * mistake reported here rather than as an obscure ajv error later.
 */
export function normalizeResponseSpec(spec: ResponseSchemaSpec, where: string): NormalizedResponses {
  if (Kind in spec) return { responses: {}, successResponse: spec };
  const keys = Object.keys(spec);
  const statusKeys = keys.filter((key) => STATUS_CODE.test(key));
  if (statusKeys.length === 0) return { responses: {}, successResponse: spec as JsonSchema };
  if (statusKeys.length !== keys.length) {
    const others = keys.filter((key) => !STATUS_CODE.test(key));
    throw new TypeError(
      `${where}: response mixes status codes (${statusKeys.join(', ')}) with other keys (${others.join(', ')}); ` +
        'give either one schema or an object of schemas by status code',
    );
  }
  const responses: Record<number, JsonSchema> = {};
  for (const key of statusKeys) responses[Number(key)] = assertSchema((spec as Record<string, unknown>)[key], `${where}: response ${key}`);
  return { responses: Object.freeze(responses) };
}

export function assertSchema(value: unknown, where: string): JsonSchema {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${where} must be a JSON Schema object (TypeBox or plain), got ${value === null ? 'null' : typeof value}`);
  }
  return value as JsonSchema;
}

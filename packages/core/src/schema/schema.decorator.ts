import type { JsonSchema } from './json-schema';
import { ROUTE_SCHEMA_METADATA } from './metadata-keys';
import { assertSchema, normalizeResponseSpec, type ResponseSchemaSpec } from './response-spec';

/** What `@Schema({...})` accepts. Every part is optional. */
export interface RouteSchemaSpec {
  /** Path parameters, e.g. `t.Object({ id: t.Integer() })`: strings are coerced ("42" → 42). */
  readonly params?: JsonSchema;
  /** Query string, coerced like params; a repeated key is an array, a single value fits an array schema. */
  readonly query?: JsonSchema;
  /** Request headers, coerced; property names are matched case-insensitively. */
  readonly headers?: JsonSchema;
  /** The parsed JSON body, not coerced. */
  readonly body?: JsonSchema;
  /** One schema for the success status, or `{ [status]: schema }`. */
  readonly response?: ResponseSchemaSpec;
}

type InputPart = 'params' | 'query' | 'headers' | 'body';
const INPUT_PARTS: readonly InputPart[] = ['params', 'query', 'headers', 'body'];

/**
 * A route's schemas as stored on its handler: what `getRouteSchema` returns and what an OpenAPI
 * generator reads. The schemas are the objects the user declared, untouched.
 */
export interface RouteSchema {
  readonly params?: JsonSchema;
  readonly query?: JsonSchema;
  readonly headers?: JsonSchema;
  readonly body?: JsonSchema;
  /** Response schemas declared with a status code. */
  readonly responses: Readonly<Record<number, JsonSchema>>;
  /**
   * A response schema declared without a status: it describes the route's success status
   * (200, 201 for POST, or `@HttpCode`'s), which is only known when the route is compiled.
   */
  readonly successResponse?: JsonSchema;
}

/**
 * Declares the schemas of one route. Several `@Schema` on one method combine (so that custom
 * decorators can add, say, a pagination query schema); declaring the same part twice is an error.
 */
export function Schema(spec: RouteSchemaSpec): MethodDecorator {
  return (target, key, descriptor) => {
    const where = `@Schema on ${(target as { constructor: Function }).constructor.name}.${String(key)}`;
    const handler = descriptor?.value;
    if (typeof handler !== 'function') throw new TypeError(`${where}: @Schema decorates methods only`);
    const declared = readSpec(spec, where);
    const existing: RouteSchema | undefined = Reflect.getOwnMetadata(ROUTE_SCHEMA_METADATA, handler);
    Reflect.defineMetadata(ROUTE_SCHEMA_METADATA, existing ? combine(existing, declared, where) : declared, handler);
  };
}

/** The schemas `@Schema` declared on a handler (the method's function), or undefined. */
export function getRouteSchema(handler: Function): RouteSchema | undefined {
  return Reflect.getOwnMetadata(ROUTE_SCHEMA_METADATA, handler);
}

function readSpec(spec: RouteSchemaSpec, where: string): RouteSchema {
  if (spec === null || typeof spec !== 'object') throw new TypeError(`${where}: expected an object of schemas`);
  const unknownParts = Object.keys(spec).filter((part) => part !== 'response' && !INPUT_PARTS.includes(part as InputPart));
  if (unknownParts.length > 0) {
    throw new TypeError(`${where}: unknown part ${unknownParts.map((p) => `'${p}'`).join(', ')} (expected params, query, headers, body, response)`);
  }
  const schema: { -readonly [K in keyof RouteSchema]: RouteSchema[K] } = { responses: {} };
  for (const part of INPUT_PARTS) {
    if (spec[part] !== undefined) schema[part] = assertSchema(spec[part], `${where}: ${part}`);
  }
  if (spec.response !== undefined) {
    const { responses, successResponse } = normalizeResponseSpec(assertSchema(spec.response, `${where}: response`), where);
    schema.responses = responses;
    if (successResponse !== undefined) schema.successResponse = successResponse;
  }
  return Object.freeze(schema);
}

function combine(a: RouteSchema, b: RouteSchema, where: string): RouteSchema {
  const clash = (part: string): never => {
    throw new TypeError(`${where}: ${part} is declared by two @Schema decorators`);
  };
  const merged: { -readonly [K in keyof RouteSchema]: RouteSchema[K] } = { ...a, responses: { ...a.responses } };
  for (const part of INPUT_PARTS) {
    if (b[part] === undefined) continue;
    if (a[part] !== undefined) clash(part);
    merged[part] = b[part];
  }
  if (b.successResponse !== undefined) {
    if (a.successResponse !== undefined) clash('the success response');
    merged.successResponse = b.successResponse;
  }
  for (const [status, schema] of Object.entries(b.responses)) {
    if (a.responses[Number(status)] !== undefined) clash(`response ${status}`);
    (merged.responses as Record<number, JsonSchema>)[Number(status)] = schema;
  }
  Object.freeze(merged.responses);
  return Object.freeze(merged);
}

import type { AnySchema } from 'fast-json-stringify';
import type fastJsonStringify from 'fast-json-stringify';
import type { ValidateFunction } from 'ajv';
import { compileValidator } from './compile-validator';
import { describeFailures } from './describe-failures';
import { ResponseSchemaMismatchError, SchemaCompileError } from './errors';
import { formatsAsAjvOption } from './formats';
import type { JsonSchema } from './json-schema';

/** Turns a handler's return value into the JSON text of the response. */
export type ResponseSerializer = (value: unknown) => string;

const stringifiers = new WeakMap<object, ResponseSerializer>();

/** fast-json-stringify's serializer for a schema, built once per schema object. */
function stringifierFor(schema: JsonSchema, route: string, part: string): ResponseSerializer {
  let stringify = stringifiers.get(schema);
  if (stringify === undefined) {
    try {
      // Required here, not at import: fast-json-stringify (and its own ajv) loads only in apps with a response schema.
      const fastJson = require('fast-json-stringify') as typeof fastJsonStringify;
      stringify = fastJson(schema as AnySchema, { ajv: { formats: formatsAsAjvOption() } }) as ResponseSerializer;
    } catch (error) {
      throw new SchemaCompileError(route, part, error);
    }
    stringifiers.set(schema, stringify);
  }
  return stringify;
}

/**
 * The serializer for one status of one route. fast-json-stringify trusts its schema: a missing
 * optional field is skipped, `"3"` becomes 3, 1.5 becomes 1 for an integer, a wrong type may come
 * out as `null` or `""`. So unless `check` is off (production), the value is validated first and a
 * mismatch throws `ResponseSchemaMismatchError` instead of sending a body the schema never described.
 */
export function responseSerializer(schema: JsonSchema, options: { route: string; status: number; check: boolean }): ResponseSerializer {
  const part = `response ${options.status}`;
  const stringify = stringifierFor(schema, options.route, part);
  if (!options.check) return stringify;
  const validate = compileValidator(schema, 'output', options.route, part);
  return (value) => {
    assertMatches(validate, value, options.route, options.status);
    return stringify(value);
  };
}

function assertMatches(validate: ValidateFunction, value: unknown, route: string, status: number): void {
  if (validate(value)) return;
  // What is checked is what will be sent: a Date (or anything with toJSON) is sent as its JSON
  // form, which is what a `format: 'date-time'` string schema describes. Plain values pass the
  // first check; only the others pay for the JSON round trip.
  const json = JSON.stringify(value);
  const asSent: unknown = json === undefined ? undefined : JSON.parse(json);
  if (asSent !== value && validate(asSent)) return;
  throw new ResponseSchemaMismatchError(route, status, describeFailures('response', asSent, validate.errors ?? []));
}

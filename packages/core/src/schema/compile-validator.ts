import type { ValidateFunction } from 'ajv';
import { sharedAjv, type ValidationMode } from './ajv-instances';
import { SchemaCompileError } from './errors';
import type { JsonSchema } from './json-schema';

const compiled: Record<ValidationMode, WeakMap<object, ValidateFunction>> = {
  coerce: new WeakMap(),
  input: new WeakMap(),
  output: new WeakMap(),
};

/**
 * Compiles a schema once per mode, keyed by the schema object itself: a DTO or response schema
 * shared by fifty routes costs one compilation. A schema with an `$id` already known to ajv is
 * that schema (ajv refuses a second one under the same id).
 */
export function compileValidator(schema: JsonSchema, mode: ValidationMode, route: string, part: string): ValidateFunction {
  const cache = compiled[mode];
  let validate = cache.get(schema);
  if (validate !== undefined) return validate;
  const ajv = sharedAjv(mode);
  try {
    const id = (schema as { $id?: unknown }).$id;
    validate = (typeof id === 'string' ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
  } catch (error) {
    throw new SchemaCompileError(route, part, error);
  }
  cache.set(schema, validate);
  return validate;
}

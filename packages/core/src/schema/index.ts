// Schemas per route: declared with decorators, compiled once at boot into ajv validators and
// fast-json-stringify serializers, kept in metadata for an OpenAPI generator. See docs/schemas.md.
export { t, type Static, type TSchema } from './typebox';
export type { JsonSchema, JsonSchemaObject, SchemaStatic } from './json-schema';
export { Schema, getRouteSchema, type RouteSchema, type RouteSchemaSpec } from './schema.decorator';
export type { ResponseSchemaSpec } from './response-spec';
export { DtoSchema, SchemaDto, getDtoSchema } from './dto-schema.decorator';
export { registerSchemaFormat, type FormatCheck } from './formats';
export {
  compileRouteSchemas,
  type CompileRouteSchemasInput,
  type CompiledRouteSchemas,
  type ResolvedRouteSchemas,
} from './compile-route-schemas';
export type { InputValidator } from './input-validators';
export type { ResponseSerializer } from './response-serializers';
export { SchemaCompileError, ResponseSchemaMismatchError } from './errors';
export { MAX_REPORTED_FAILURES } from './describe-failures';
export { ROUTE_SCHEMA_METADATA, DTO_SCHEMA_METADATA } from './metadata-keys';

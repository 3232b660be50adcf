import type { Static, TSchema } from '@sinclair/typebox';

/** A plain JSON Schema object literal (draft-07, as ajv 8 reads it by default). */
export interface JsonSchemaObject {
  readonly [keyword: string]: unknown;
}

/** Any schema a route or DTO can declare: a TypeBox schema or a plain JSON Schema object. */
export type JsonSchema = TSchema | JsonSchemaObject;

/** The TypeScript type a schema describes: inferred for TypeBox schemas, `unknown` for plain JSON Schema. */
export type SchemaStatic<S> = S extends TSchema ? Static<S> : unknown;

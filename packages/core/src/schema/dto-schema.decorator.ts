import type { Static, TSchema } from '@sinclair/typebox';
import type { JsonSchema, SchemaStatic } from './json-schema';
import { DTO_SCHEMA_METADATA } from './metadata-keys';
import { assertSchema } from './response-spec';

type AnyClass = abstract new (...args: any[]) => object;

/** Members of `Instance` whose type `Validated` does not guarantee (missing, optional, or different). */
type Unguaranteed<Validated, Instance> = {
  [K in keyof Instance]-?: K extends keyof Validated ? (Validated[K] extends Instance[K] ? never : K) : K;
}[keyof Instance];

/**
 * Compile-time guard of `@DtoSchema`: the handler receives the validated plain object typed as the
 * class, so every member the class declares must be guaranteed by the schema's type (no methods,
 * no field the schema leaves out or makes optional). Plain JSON Schema carries no type: no check.
 */
type MatchesSchema<S, C extends AnyClass> = S extends TSchema
  ? [Unguaranteed<Static<S>, InstanceType<C>>] extends [never]
    ? unknown
    : { readonly 'DTO members not guaranteed by its schema': Unguaranteed<Static<S>, InstanceType<C>> }
  : unknown;

/**
 * Gives an existing DTO class a schema: `@Body() dto: CreateCatDto` is then validated by it.
 * It is a separate decorator from `@Schema` because the two take different things (one schema
 * versus a set of route parts) and sit on different targets; one name for both would make a
 * misplaced decorator silently mean something else.
 */
export function DtoSchema<S extends JsonSchema>(schema: S) {
  assertSchema(schema, '@DtoSchema');
  return <C extends AnyClass>(target: C & MatchesSchema<S, C>): void => {
    Reflect.defineMetadata(DTO_SCHEMA_METADATA, schema, target);
  };
}

/**
 * A DTO base class typed by its schema, for `class CreateCatDto extends SchemaDto(CreateCat) {}`:
 * the class's instance type is `Static<typeof CreateCat>`, written once. Handlers receive the
 * validated plain object, not an instance; the constructor copies a value in, for tests and
 * fixtures (`new CreateCatDto({ name: 'Tom' })`), so the declared type stays truthful.
 */
export function SchemaDto<S extends TSchema>(schema: S): new (value: SchemaStatic<S>) => SchemaStatic<S> {
  assertSchema(schema, 'SchemaDto');
  const base = class {
    constructor(value: SchemaStatic<S>) {
      Object.assign(this, value);
    }
  };
  Reflect.defineMetadata(DTO_SCHEMA_METADATA, schema, base);
  return base as unknown as new (value: SchemaStatic<S>) => SchemaStatic<S>;
}

/** The schema of a DTO class (its own or inherited), or undefined for any other type. */
export function getDtoSchema(metatype: Function | undefined): JsonSchema | undefined {
  return metatype === undefined ? undefined : Reflect.getMetadata(DTO_SCHEMA_METADATA, metatype);
}

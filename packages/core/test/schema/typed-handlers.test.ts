// Type-checked by `npx tsc -p tsconfig.json --noEmit`: each `@ts-expect-error` below must meet a
// type error, or tsc fails with "Unused '@ts-expect-error' directive".
import 'reflect-metadata';
import { Body, Param, Post } from '../../src/decorators';
import { DtoSchema, Schema, SchemaDto, getDtoSchema, getRouteSchema, t, type SchemaStatic, type Static } from '../../src/schema';

const CreateCat = t.Object({ name: t.String(), age: t.Integer(), tags: t.Array(t.String()), nickname: t.Optional(t.String()) });
type CreateCat = Static<typeof CreateCat>;

const CatParams = t.Object({ id: t.Integer() });

class CreateDogDto extends SchemaDto(t.Object({ name: t.String(), good: t.Boolean() })) {}

class CatsController {
  @Post(':id')
  @Schema({ params: CatParams, body: CreateCat })
  create(@Param('id') id: Static<typeof CatParams>['id'], @Body() cat: CreateCat): string {
    const tagCount: number = cat.tags.length;
    const nickname: string = cat.nickname ?? cat.name.toUpperCase();
    // @ts-expect-error age is a number, not a string
    const age: string = cat.age;
    // @ts-expect-error the schema has no `colour`
    void cat.colour;
    return `${id}:${nickname}:${tagCount}:${age}`;
  }

  @Post('dogs')
  adopt(@Body() dog: CreateDogDto): string {
    // @ts-expect-error `good` is a boolean
    const good: number = dog.good;
    return `${dog.name.toUpperCase()}:${good}`;
  }
}

describe('handler types inferred from TypeBox schemas', () => {
  const controller = new CatsController();

  it('types the body parameter from the schema', () => {
    expect(controller.create(7, { name: 'tom', age: 3, tags: ['a', 'b'] })).toBe('7:TOM:2:3');
    // @ts-expect-error `age` and `tags` are required by the schema
    const unvalidated = () => controller.create(7, { name: 'tom' });
    // What the 400 prevents: without validation, the handler meets a body its type promised away.
    expect(unvalidated).toThrow(TypeError);
  });

  it('types a SchemaDto class from its schema', () => {
    expect(controller.adopt(new CreateDogDto({ name: 'rex', good: true }))).toBe('REX:true');
    // @ts-expect-error `good` must be a boolean
    expect(() => new CreateDogDto({ name: 'rex', good: 'yes' })).not.toThrow();
  });

  it('checks at compile time that a @DtoSchema class only declares what its schema guarantees', () => {
    @DtoSchema(t.Object({ name: t.String(), age: t.Integer() }))
    class MatchingDto {
      name!: string;
      age?: number;
    }

    // @ts-expect-error `color` is not in the schema: the validated body would not have it
    @DtoSchema(t.Object({ name: t.String() }))
    class ExtraFieldDto {
      name!: string;
      color!: string;
    }

    // @ts-expect-error a method cannot exist on the plain object the handler receives
    @DtoSchema(t.Object({ name: t.String() }))
    class MethodDto {
      name!: string;
      shout(): string {
        return this.name.toUpperCase();
      }
    }

    // @ts-expect-error the schema makes `age` optional while the class promises it
    @DtoSchema(t.Object({ name: t.String(), age: t.Optional(t.Integer()) }))
    class OptionalFieldDto {
      name!: string;
      age!: number;
    }

    // Plain JSON Schema carries no type: nothing to check.
    @DtoSchema({ type: 'object', properties: { name: { type: 'string' } } })
    class PlainDto {
      name!: string;
    }

    expect([MatchingDto, ExtraFieldDto, MethodDto, OptionalFieldDto, PlainDto].map((dto) => getDtoSchema(dto) !== undefined)).toEqual([true, true, true, true, true]);
  });

  it('gives plain JSON Schema the unknown type', () => {
    const plain = { type: 'string' } as const;
    const value: SchemaStatic<typeof plain> = 'anything';
    // @ts-expect-error unknown cannot be used as a string without a check
    const length: number = value.length;
    expect(length).toBe(8);
    expect(getRouteSchema(CatsController.prototype.create)?.body).toBe(CreateCat);
  });
});

import 'reflect-metadata';
import { DtoSchema, SchemaDto, compileRouteSchemas, getDtoSchema, t } from '../../src/schema';
import { compiled, failures, handlerWith } from './route-fixture';

const CreateCat = t.Object({ name: t.String(), age: t.Integer() });

@DtoSchema(CreateCat)
class CreateCatDto {
  name!: string;
  age!: number;
}

class CreateDogDto extends SchemaDto(t.Object({ name: t.String() })) {}

class Unschematized {}

function bareHandler(): Function {
  return function create() {};
}

describe('DTO classes carrying a schema', () => {
  it('validates the body with the @DtoSchema of the body metatype', () => {
    const route = compileRouteSchemas({ handler: bareHandler(), bodyMetatype: CreateCatDto, method: 'POST', defaultStatus: 201 });
    expect(route?.schemas.body).toBe(CreateCat);
    expect(failures(route?.validateBody, { name: 'Tom', age: 'old' })).toEqual(['body.age must be an integer']);
  });

  it('validates the body with a SchemaDto base class (the schema is inherited)', () => {
    const route = compileRouteSchemas({ handler: bareHandler(), bodyMetatype: CreateDogDto, method: 'POST', defaultStatus: 201 });
    expect(failures(route?.validateBody, {})).toEqual(['body.name is required']);
  });

  it('validates the query with the schema of a query DTO, coercing it', () => {
    @DtoSchema(t.Object({ page: t.Integer() }))
    class PageQuery {
      page!: number;
    }
    const route = compileRouteSchemas({ handler: bareHandler(), queryMetatype: PageQuery, method: 'GET', defaultStatus: 200 });
    expect(route?.validateQuery!({ page: '2' })).toEqual({ page: 2 });
  });

  it("prefers the route's @Schema body over the DTO's", () => {
    const routeBody = t.Object({ id: t.Integer() });
    const route = compiled({ body: routeBody }, { bodyMetatype: CreateCatDto });
    expect(route.schemas.body).toBe(routeBody);
  });

  it('ignores classes without a schema and primitive metatypes', () => {
    expect(getDtoSchema(Unschematized)).toBeUndefined();
    expect(getDtoSchema(String)).toBeUndefined();
    expect(compileRouteSchemas({ handler: bareHandler(), bodyMetatype: Object, method: 'POST', defaultStatus: 201 })).toBeUndefined();
  });

  it('SchemaDto instances copy the value they are built from', () => {
    expect({ ...new CreateDogDto({ name: 'Rex' }) }).toEqual({ name: 'Rex' });
  });

  it('rejects a DTO schema that is not an object', () => {
    expect(() => DtoSchema('name' as never)).toThrow('@DtoSchema must be a JSON Schema object (TypeBox or plain), got string');
  });

  it('keeps the route schema and the DTO schema apart in metadata', () => {
    expect(getDtoSchema(CreateCatDto)).toBe(CreateCat);
    expect(compileRouteSchemas({ handler: handlerWith({}), method: 'POST', defaultStatus: 201 })).toBeUndefined();
  });
});

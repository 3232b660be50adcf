import 'reflect-metadata';
import { ROUTE_SCHEMA_METADATA, Schema, compileRouteSchemas, getRouteSchema, t } from '../../src/schema';
import { compileValidator } from '../../src/schema/compile-validator';
import { compiled, handlerWith } from './route-fixture';

const Id = t.Object({ id: t.Integer() });
const Cat = t.Object({ id: t.Integer(), name: t.String() });
const Problem = t.Object({ message: t.String() });

describe('@Schema metadata (what an OpenAPI generator reads)', () => {
  it('stores the declared schemas, untouched, on the handler', () => {
    const handler = handlerWith({ params: Id, body: Cat, response: { 200: Cat, 404: Problem } });
    expect(getRouteSchema(handler)).toEqual({ params: Id, body: Cat, responses: { 200: Cat, 404: Problem } });
    expect(getRouteSchema(handler)!.params).toBe(Id);
    expect(Reflect.getOwnMetadata(ROUTE_SCHEMA_METADATA, handler)).toBe(getRouteSchema(handler));
  });

  it('keeps a response without a status apart, as the success status is known only at compile time', () => {
    expect(getRouteSchema(handlerWith({ response: Cat }))).toEqual({ responses: {}, successResponse: Cat });
  });

  it('tells a plain JSON Schema from a status map', () => {
    const plain = { type: 'object', properties: { id: { type: 'integer' } } };
    expect(getRouteSchema(handlerWith({ response: plain }))!.successResponse).toBe(plain);
    expect(getRouteSchema(handlerWith({ response: { 204: { type: 'null' } } }))!.responses).toEqual({ 204: { type: 'null' } });
  });

  it('combines several @Schema decorators on one method', () => {
    class Cats {
      @Schema({ query: t.Object({ page: t.Integer() }) })
      @Schema({ body: Cat, response: { 201: Cat } })
      @Schema({ response: { 400: Problem } })
      create(): void {}
    }
    const schema = getRouteSchema(Cats.prototype.create)!;
    expect(Object.keys(schema).sort()).toEqual(['body', 'query', 'responses']);
    expect(schema.responses).toEqual({ 201: Cat, 400: Problem });
  });

  it('refuses the same part declared twice', () => {
    expect(() => {
      class Cats {
        @Schema({ body: Cat })
        @Schema({ body: Id })
        create(): void {}
      }
      return Cats;
    }).toThrow('@Schema on Cats.create: body is declared by two @Schema decorators');
  });

  it('refuses unknown parts, non-schemas and mixed response maps when the class is declared', () => {
    expect(() => handlerWith({ bdy: Cat } as never)).toThrow("unknown part 'bdy' (expected params, query, headers, body, response)");
    expect(() => handlerWith({ body: 'Cat' as never })).toThrow('@Schema on Fixture.handle: body must be a JSON Schema object (TypeBox or plain), got string');
    expect(() => handlerWith({ response: { 200: Cat, type: 'object' } as never })).toThrow(
      '@Schema on Fixture.handle: response mixes status codes (200) with other keys (type)',
    );
  });

  it('returns undefined for a handler without @Schema', () => {
    class Cats {
      findAll(): void {}
    }
    expect(getRouteSchema(Cats.prototype.findAll)).toBeUndefined();
  });
});

describe('compileRouteSchemas', () => {
  it('returns undefined for a route that declares nothing, so it pays nothing', () => {
    class Cats {
      findAll(): void {}
    }
    expect(compileRouteSchemas({ handler: Cats.prototype.findAll, method: 'GET', defaultStatus: 200 })).toBeUndefined();
  });

  it('only builds the validators a route declares', () => {
    const route = compiled({ params: Id });
    expect(route.validateParams).toBeInstanceOf(Function);
    expect([route.validateQuery, route.validateHeaders, route.validateBody, route.serializerFor(201)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('compiles a schema shared by many routes once per mode (cached by the schema object)', () => {
    expect(compileValidator(Cat, 'input', 'POST /a', 'body')).toBe(compileValidator(Cat, 'input', 'POST /b', 'body'));
    expect(compileValidator(Cat, 'coerce', 'GET /a', 'query')).not.toBe(compileValidator(Cat, 'input', 'POST /a', 'body'));
  });

  it('treats two schema objects with the same $id as one schema', () => {
    const first = t.Object({ id: t.Integer() }, { $id: 'https://armature.dev/schemas/with-id' });
    const second = t.Object({ id: t.Integer() }, { $id: 'https://armature.dev/schemas/with-id' });
    expect(compileValidator(first, 'input', 'POST /a', 'body')).toBe(compileValidator(second, 'input', 'POST /b', 'body'));
  });

  it('names the route by method and handler when no name is given', () => {
    class Cats {
      @Schema({ body: { type: 'strin' } })
      create(): void {}
    }
    expect(() => compileRouteSchemas({ handler: Cats.prototype.create, method: 'POST', defaultStatus: 201 })).toThrow('Cannot compile the body schema of POST create:');
  });
});

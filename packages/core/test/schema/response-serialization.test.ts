import { HttpException } from '../../src/exceptions';
import { ResponseSchemaMismatchError, Schema, compileRouteSchemas, t } from '../../src/schema';
import { compiled } from './route-fixture';

const Cat = t.Object({ id: t.Integer(), name: t.String(), born: t.Optional(t.String({ format: 'date-time' })) });
const NotFound = t.Object({ statusCode: t.Literal(404), message: t.String() });

/** The error a serializer throws for `value`; fails the test if it does not throw. */
function mismatch(serialize: ((value: unknown) => string) | undefined, value: unknown): ResponseSchemaMismatchError {
  try {
    serialize!(value);
  } catch (error) {
    if (error instanceof ResponseSchemaMismatchError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('response serialization per status', () => {
  it('gives a schema without a status to the route success status', () => {
    const route = compiled({ response: Cat }, { method: 'POST', defaultStatus: 201 });
    expect(route.serializerFor(201)!({ id: 1, name: 'Tom' })).toBe('{"id":1,"name":"Tom"}');
    expect(route.serializerFor(200)).toBeUndefined();
    expect(route.schemas.responses).toEqual({ 201: Cat });
  });

  it('serializes each declared status with its own schema', () => {
    const route = compiled({ response: { 200: Cat, 404: NotFound } }, { defaultStatus: 200 });
    expect(route.serializerFor(200)!({ id: 1, name: 'Tom' })).toBe('{"id":1,"name":"Tom"}');
    expect(route.serializerFor(404)!({ statusCode: 404, message: 'No cat' })).toBe('{"statusCode":404,"message":"No cat"}');
    expect(route.serializerFor(500)).toBeUndefined();
  });

  it('leaves out properties the schema does not declare (no accidental leaks)', () => {
    const route = compiled({ response: Cat });
    expect(route.serializerFor(201)!({ id: 1, name: 'Tom', passwordHash: 'x' })).toBe('{"id":1,"name":"Tom"}');
  });

  it('accepts a Date where the schema says date-time, and sends it as ISO text', () => {
    const route = compiled({ response: Cat });
    expect(route.serializerFor(201)!({ id: 1, name: 'Tom', born: new Date(0) })).toBe('{"id":1,"name":"Tom","born":"1970-01-01T00:00:00.000Z"}');
  });

  it('works with plain JSON Schema', () => {
    const route = compiled({ response: { 200: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } } } });
    expect(route.serializerFor(200)!([{ id: 1 }, { id: 2 }])).toBe('[{"id":1},{"id":2}]');
  });

  it('rejects a schema declared twice for the success status', () => {
    // One schema without a status, one for 201, which is this POST route's success status.
    class Cats {
      @Schema({ response: Cat })
      @Schema({ response: { 201: Cat } })
      create(): void {}
    }
    const twice = () => compileRouteSchemas({ handler: Cats.prototype.create, method: 'POST', defaultStatus: 201, routeName: 'POST /cats (CatsController#create)' });
    expect(twice).toThrow('POST /cats (CatsController#create): the response schema without a status and the one for 201 describe the same response');
  });
});

describe('responses that do not match their schema', () => {
  const route = compiled({ response: { 200: t.Object({ id: t.Integer(), tags: t.Array(t.String()) }) } }, { checkResponses: true });
  const serialize = route.serializerFor(200);

  it('throws instead of sending what fast-json-stringify would silently produce', () => {
    // Unchecked, this would go out as {"id":1,"tags":["1"]} after truncation and coercion.
    const error = mismatch(serialize, { id: 1.5, tags: [1] });
    expect(error.failures).toEqual(['response.id must be an integer', 'response.tags[0] must be a string']);
    expect(error.route).toBe('POST /cats (CatsController#create)');
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      'POST /cats (CatsController#create) returned a 200 response that does not match its schema: response.id must be an integer; response.tags[0] must be a string',
    );
  });

  it('is not an HttpException, so the client gets a plain 500 and only the log has the details', () => {
    const error = mismatch(serialize, { tags: [] });
    expect(error).not.toBeInstanceOf(HttpException);
    expect(error.failures).toEqual(['response.id is required']);
  });

  it('reports a missing response body', () => {
    expect(mismatch(serialize, undefined).failures).toEqual(['response must be an object']);
  });

  it('skips the check when told to (production), trusting the schema', () => {
    const unchecked = compiled({ response: { 200: t.Object({ id: t.Integer() }) } }, { checkResponses: false });
    expect(unchecked.serializerFor(200)!({ id: 1.5 })).toBe('{"id":1}');
  });

  it('checks by default outside production and not in production', () => {
    const previous = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'production';
      const inProduction = compiled({ response: { 200: t.Object({ id: t.Integer() }) } });
      expect(inProduction.serializerFor(200)!({ id: '7' })).toBe('{"id":7}');
      process.env.NODE_ENV = 'development';
      const inDevelopment = compiled({ response: { 200: t.Object({ id: t.Integer() }) } });
      expect(mismatch(inDevelopment.serializerFor(200), { id: '7' }).failures).toEqual(['response.id must be an integer']);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});

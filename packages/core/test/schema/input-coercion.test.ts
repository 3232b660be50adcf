import { t } from '../../src/schema';
import { badRequestBody, compiled, failures } from './route-fixture';

describe('params and query are coerced from strings', () => {
  it('turns "42" into 42 for an integer param', () => {
    const { validateParams } = compiled({ params: t.Object({ id: t.Integer() }) });
    const params = { id: '42' };
    expect(validateParams!(params)).toEqual({ id: 42 });
    // Coerced in place: request.params itself now holds the number.
    expect(params.id).toBe(42);
  });

  it('rejects a param that is not an integer, naming it', () => {
    const { validateParams } = compiled({ params: t.Object({ id: t.Integer() }) });
    expect(failures(validateParams, { id: '4.5' })).toEqual(['params.id must be an integer']);
    expect(failures(validateParams, { id: 'abc' })).toEqual(['params.id must be an integer']);
  });

  it('does not turn an empty query value into 0', () => {
    const { validateQuery } = compiled({ query: t.Object({ page: t.Integer() }) });
    expect(failures(validateQuery, { page: '' })).toEqual(['query.page must be an integer']);
  });

  it('coerces booleans and numbers in the query and fills defaults', () => {
    const { validateQuery } = compiled({
      query: t.Object({ limit: t.Integer({ default: 20 }), offset: t.Number(), draft: t.Boolean() }),
    });
    expect(validateQuery!({ offset: '1.5', draft: 'true' })).toEqual({ limit: 20, offset: 1.5, draft: true });
  });

  it('reads a repeated query key as an array and coerces each item', () => {
    const { validateQuery } = compiled({ query: t.Object({ ids: t.Array(t.Integer()) }) });
    expect(validateQuery!({ ids: ['1', '2', '3'] })).toEqual({ ids: [1, 2, 3] });
  });

  it('lets a single query value fit an array schema', () => {
    const { validateQuery } = compiled({ query: t.Object({ tags: t.Array(t.String()) }) });
    expect(validateQuery!({ tags: 'red' })).toEqual({ tags: ['red'] });
  });

  it('names the failing item of a query array by index', () => {
    const { validateQuery } = compiled({ query: t.Object({ ids: t.Array(t.Integer()) }) });
    expect(failures(validateQuery, { ids: ['1', 'x', '3', 'y'] })).toEqual(['query.ids[1] must be an integer', 'query.ids[3] must be an integer']);
  });

  it('rejects several values for a scalar query key', () => {
    const { validateQuery } = compiled({ query: t.Object({ page: t.Integer() }) });
    expect(failures(validateQuery, { page: ['1', '2'] })).toEqual(['query.page must be an integer']);
  });

  it('answers with NestJS ValidationPipe body shape', () => {
    const { validateQuery } = compiled({ query: t.Object({ q: t.String({ minLength: 2 }) }) });
    expect(badRequestBody(validateQuery, { q: 'a' })).toEqual({ message: ['query.q must be at least 2 characters long'], error: 'Bad Request', statusCode: 400 });
  });
});

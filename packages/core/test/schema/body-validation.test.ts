import { MAX_REPORTED_FAILURES, t } from '../../src/schema';
import { compiled, failures } from './route-fixture';

const CreateCat = t.Object({
  name: t.String({ minLength: 1 }),
  age: t.Integer({ minimum: 0 }),
  address: t.Object({ city: t.String(), zip: t.String({ pattern: '^[0-9]{5}$' }) }),
  toys: t.Array(t.Object({ kind: t.Union([t.Literal('ball'), t.Literal('mouse')]), price: t.Number() }), { maxItems: 3 }),
  nickname: t.Optional(t.Union([t.String(), t.Null()])),
});

describe('body validation', () => {
  const { validateBody } = compiled({ body: CreateCat });

  it('returns a valid body as is', () => {
    const body = { name: 'Tom', age: 3, address: { city: 'Paris', zip: '75001' }, toys: [{ kind: 'ball', price: 2 }], nickname: null };
    expect(validateBody!(body)).toBe(body);
  });

  it('names every failing path, nested objects and array items included', () => {
    const body = {
      name: '',
      age: -1,
      address: { city: 7, zip: 'abc' },
      toys: [{ kind: 'ball', price: 2 }, { kind: 'laser', price: 'free' }, { price: 1 }],
      nickname: 5,
    };
    expect(failures(validateBody, body)).toEqual([
      'body.name must be at least 1 character long',
      'body.age must be >= 0',
      'body.address.city must be a string',
      'body.address.zip must match the pattern ^[0-9]{5}$',
      'body.toys[1].kind must be one of: "ball", "mouse"',
      'body.toys[1].price must be a number',
      'body.toys[2].kind is required',
      'body.nickname must be a string or null',
    ]);
  });

  it('names each missing property, not its parent', () => {
    expect(failures(validateBody, { name: 'Tom', address: {} })).toEqual([
      'body.age is required',
      'body.toys is required',
      'body.address.city is required',
      'body.address.zip is required',
    ]);
  });

  it('does not coerce the body: "3" is not an integer in JSON', () => {
    expect(failures(validateBody, { name: 'Tom', age: '3', address: { city: 'P', zip: '75001' }, toys: [] })).toEqual(['body.age must be an integer']);
  });

  it('reports a body of the wrong kind at the root', () => {
    expect(failures(validateBody, 'hello')).toEqual(['body must be an object']);
    expect(failures(validateBody, [])).toEqual(['body must be an object']);
  });

  it('names properties the schema forbids', () => {
    const { validateBody: strict } = compiled({ body: t.Object({ name: t.String() }, { additionalProperties: false }) });
    expect(failures(strict, { name: 'Tom', isAdmin: true })).toEqual(['body.isAdmin is not allowed']);
  });

  it('fills defaults in the body', () => {
    const { validateBody: withDefault } = compiled({ body: t.Object({ name: t.String(), lives: t.Integer({ default: 9 }) }) });
    expect(withDefault!({ name: 'Tom' })).toEqual({ name: 'Tom', lives: 9 });
  });

  it('explains a union by the one branch of the right type', () => {
    const Payment = t.Union([t.String(), t.Object({ card: t.String({ minLength: 12 }) })]);
    const { validateBody: pay } = compiled({ body: t.Object({ payment: Payment }) });
    expect(failures(pay, { payment: { card: '123' } })).toEqual(['body.payment.card must be at least 12 characters long']);
    expect(failures(pay, { payment: 5 })).toEqual(['body.payment must be a string or an object']);
  });

  it('still explains a union whose branch is a $ref (its errors carry the referenced path)', () => {
    const { validateBody: pay } = compiled({
      body: {
        definitions: { Card: { type: 'object', properties: { card: { type: 'string', minLength: 12 } }, required: ['card'] } },
        type: 'object',
        properties: { payment: { anyOf: [{ type: 'string' }, { $ref: '#/definitions/Card' }] } },
      },
    });
    expect(failures(pay, { payment: { card: '123' } })).toEqual([
      'body.payment.card must be at least 12 characters long',
      'body.payment must match one of the allowed schemas',
    ]);
  });

  it('writes keys that are not identifiers in brackets, and digit keys of objects with a dot', () => {
    const { validateBody: odd } = compiled({
      body: t.Object({ 'a.b': t.String(), scores: t.Record(t.String(), t.Integer()) }),
    });
    expect(failures(odd, { 'a.b': 1, scores: { '7': 'x' } })).toEqual(['body["a.b"] must be a string', 'body.scores.7 must be an integer']);
  });

  it(`stops listing after ${MAX_REPORTED_FAILURES} failures and says how many more there are`, () => {
    const { validateBody: list } = compiled({ body: t.Array(t.Integer()) });
    const messages = failures(list, Array.from({ length: MAX_REPORTED_FAILURES + 5 }, () => 'x')) as string[];
    expect(messages).toHaveLength(MAX_REPORTED_FAILURES + 1);
    expect(messages[0]).toBe('body[0] must be an integer');
    expect(messages[MAX_REPORTED_FAILURES]).toBe('body has 5 more invalid fields');
  });
});

describe('plain JSON Schema works like TypeBox', () => {
  const { validateBody } = compiled({
    body: {
      type: 'object',
      required: ['name', 'tags'],
      properties: {
        name: { type: 'string' },
        color: { enum: ['black', 'white'] },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
    },
  });

  it('accepts a valid body', () => {
    expect(validateBody!({ name: 'Tom', tags: ['a'] })).toEqual({ name: 'Tom', tags: ['a'] });
  });

  it('names each failing path', () => {
    expect(failures(validateBody, { name: 1, color: 'red', tags: ['a', 'a'] })).toEqual([
      'body.name must be a string',
      'body.color must be one of: "black", "white"',
      'body.tags must not contain duplicates (items 0 and 1 are equal)',
    ]);
  });
});

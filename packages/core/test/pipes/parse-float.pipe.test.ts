import type { ArgumentMetadata } from '../../src/enhancers/interfaces';
import { HttpStatus } from '../../src/exceptions';
import { ParseFloatPipe } from '../../src/pipes';
import { badRequest, caught, httpErrorOf } from './caught';

const query: ArgumentMetadata = { type: 'query', metatype: Number, data: 'price' };
const NUMERIC_EXPECTED = 'Validation failed (numeric string is expected)';

describe('ParseFloatPipe', () => {
  const pipe = new ParseFloatPipe();

  it.each([
    ['3.14', 3.14],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['42', 42],
    [2.5, 2.5],
  ])('parses %p to %p', async (input, expected) => {
    await expect(pipe.transform(input as string, query)).resolves.toBe(expected);
  });

  it.each([['1.5abc'], ['abc'], [''], ['Infinity'], ['1e400'], [undefined], [null], [true]])('rejects %p with a 400', async (input) => {
    expect(await httpErrorOf(pipe.transform(input as string, query))).toEqual(badRequest(NUMERIC_EXPECTED));
  });

  it('answers with errorHttpStatusCode', async () => {
    const pipe422 = new ParseFloatPipe({ errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY });
    expect(await httpErrorOf(pipe422.transform('x', query))).toEqual({
      status: 422,
      body: { message: NUMERIC_EXPECTED, error: 'Unprocessable Entity', statusCode: 422 },
    });
  });

  it('throws what exceptionFactory builds', async () => {
    const pipe = new ParseFloatPipe({ exceptionFactory: (message) => ({ rejected: message }) });
    expect(await caught(pipe.transform('x', query))).toEqual({ rejected: NUMERIC_EXPECTED });
  });

  it('with optional, lets null and undefined through but still rejects bad values', async () => {
    const optional = new ParseFloatPipe({ optional: true });
    await expect(optional.transform(undefined as unknown as string, query)).resolves.toBeUndefined();
    await expect(optional.transform(null as unknown as string, query)).resolves.toBeNull();
    expect(await httpErrorOf(optional.transform('1.2.3', query))).toEqual(badRequest(NUMERIC_EXPECTED));
  });
});

import type { ArgumentMetadata } from '../../src/enhancers/interfaces';
import { HttpStatus } from '../../src/exceptions';
import { ParseBoolPipe } from '../../src/pipes';
import { badRequest, caught, httpErrorOf } from './caught';

const query: ArgumentMetadata = { type: 'query', metatype: Boolean, data: 'active' };
const BOOLEAN_EXPECTED = 'Validation failed (boolean string is expected)';

describe('ParseBoolPipe', () => {
  const pipe = new ParseBoolPipe();

  it.each([
    ['true', true],
    [true, true],
    ['false', false],
    [false, false],
  ])('parses %p to %p', async (input, expected) => {
    await expect(pipe.transform(input, query)).resolves.toBe(expected);
  });

  it.each([['TRUE'], ['1'], ['0'], ['yes'], [''], [0], [undefined], [null]])('rejects %p with a 400', async (input) => {
    expect(await httpErrorOf(pipe.transform(input as string, query))).toEqual(badRequest(BOOLEAN_EXPECTED));
  });

  it('answers with errorHttpStatusCode', async () => {
    const pipe409 = new ParseBoolPipe({ errorHttpStatusCode: HttpStatus.CONFLICT });
    expect(await httpErrorOf(pipe409.transform('x', query))).toEqual({
      status: 409,
      body: { message: BOOLEAN_EXPECTED, error: 'Conflict', statusCode: 409 },
    });
  });

  it('throws what exceptionFactory builds', async () => {
    const pipe = new ParseBoolPipe({ exceptionFactory: (message) => new RangeError(message) });
    const error = await caught(pipe.transform('x', query));
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(BOOLEAN_EXPECTED);
  });

  it('with optional, lets null and undefined through but still rejects bad values', async () => {
    const optional = new ParseBoolPipe({ optional: true });
    await expect(optional.transform(undefined as unknown as string, query)).resolves.toBeUndefined();
    await expect(optional.transform(null as unknown as string, query)).resolves.toBeNull();
    expect(await httpErrorOf(optional.transform('nope', query))).toEqual(badRequest(BOOLEAN_EXPECTED));
  });
});

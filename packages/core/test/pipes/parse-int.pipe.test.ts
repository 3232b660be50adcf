import type { ArgumentMetadata } from '../../src/enhancers/interfaces';
import { HttpStatus, NotAcceptableException } from '../../src/exceptions';
import { ParseIntPipe } from '../../src/pipes';
import { badRequest, caught, httpErrorOf } from './caught';

const param: ArgumentMetadata = { type: 'param', metatype: Number, data: 'id' };
const NUMERIC_EXPECTED = 'Validation failed (numeric string is expected)';

describe('ParseIntPipe', () => {
  const pipe = new ParseIntPipe();

  it.each([
    ['42', 42],
    ['-7', -7],
    ['007', 7],
    [42, 42],
  ])('parses %p to %p', async (input, expected) => {
    await expect(pipe.transform(input as string, param)).resolves.toBe(expected);
  });

  it.each([['abc'], ['1.5'], ['1e3'], ['12abc'], [''], [' 1'], ['9'.repeat(400)], [undefined], [null], [{}]])(
    'rejects %p with a 400',
    async (input) => {
      expect(await httpErrorOf(pipe.transform(input as string, param))).toEqual(badRequest(NUMERIC_EXPECTED));
    },
  );

  it('answers with errorHttpStatusCode', async () => {
    const error = await caught(new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_ACCEPTABLE }).transform('x', param));
    expect(error).toBeInstanceOf(NotAcceptableException);
    expect(await httpErrorOf(Promise.reject(error))).toEqual({
      status: 406,
      body: { message: NUMERIC_EXPECTED, error: 'Not Acceptable', statusCode: 406 },
    });
  });

  it('throws what exceptionFactory builds from the message', async () => {
    const factory = jest.fn((message: string) => new Error(`custom: ${message}`));
    const error = await caught(new ParseIntPipe({ exceptionFactory: factory }).transform('x', param));
    expect(error).toEqual(new Error(`custom: ${NUMERIC_EXPECTED}`));
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('with optional, lets null and undefined through but still rejects bad values', async () => {
    const optional = new ParseIntPipe({ optional: true });
    await expect(optional.transform(undefined as unknown as string, param)).resolves.toBeUndefined();
    await expect(optional.transform(null as unknown as string, param)).resolves.toBeNull();
    expect(await httpErrorOf(optional.transform('x', param))).toEqual(badRequest(NUMERIC_EXPECTED));
  });
});

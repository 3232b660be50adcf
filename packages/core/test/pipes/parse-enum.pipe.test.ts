import type { ArgumentMetadata } from '../../src/enhancers/interfaces';
import { HttpStatus } from '../../src/exceptions';
import { ParseEnumPipe } from '../../src/pipes';
import { badRequest, caught, httpErrorOf } from './caught';

enum Color {
  Red = 'red',
  Blue = 'blue',
}
enum Level {
  Low,
  High,
}
const query: ArgumentMetadata = { type: 'query', metatype: String, data: 'color' };
const ENUM_EXPECTED = 'Validation failed (enum string is expected)';

describe('ParseEnumPipe', () => {
  it('returns a value of a string enum unchanged and rejects anything else', async () => {
    const pipe = new ParseEnumPipe(Color);
    await expect(pipe.transform('red', query)).resolves.toBe('red');
    await expect(pipe.transform(Color.Blue, query)).resolves.toBe('blue');
    for (const input of ['Red', 'green', '', undefined, null]) {
      expect(await httpErrorOf(pipe.transform(input, query))).toEqual(badRequest(ENUM_EXPECTED));
    }
  });

  it('checks a numeric enum against all its values, reverse-mapped names included (as NestJS does)', async () => {
    const pipe = new ParseEnumPipe(Level);
    await expect(pipe.transform(Level.High, query)).resolves.toBe(1);
    await expect(pipe.transform('Low', query)).resolves.toBe('Low');
    expect(await httpErrorOf(pipe.transform('1', query))).toEqual(badRequest(ENUM_EXPECTED));
  });

  it('requires an enum', () => {
    expect(() => new ParseEnumPipe(undefined)).toThrow(
      '"ParseEnumPipe" requires "enumType" argument specified (to validate input values).',
    );
  });

  it('answers with errorHttpStatusCode and throws what exceptionFactory builds', async () => {
    const gone = new ParseEnumPipe(Color, { errorHttpStatusCode: HttpStatus.GONE });
    expect(await httpErrorOf(gone.transform('green', query))).toEqual({
      status: 410,
      body: { message: ENUM_EXPECTED, error: 'Gone', statusCode: 410 },
    });
    const custom = new ParseEnumPipe(Color, { exceptionFactory: (message) => [message] });
    expect(await caught(custom.transform('green', query))).toEqual([ENUM_EXPECTED]);
  });

  it('with optional, lets null and undefined through but still rejects bad values', async () => {
    const optional = new ParseEnumPipe(Color, { optional: true });
    await expect(optional.transform(undefined, query)).resolves.toBeUndefined();
    await expect(optional.transform(null, query)).resolves.toBeNull();
    expect(await httpErrorOf(optional.transform('green', query))).toEqual(badRequest(ENUM_EXPECTED));
  });
});

import type { ArgumentMetadata } from '../../src/enhancers/interfaces';
import { HttpStatus } from '../../src/exceptions';
import { ParseUUIDPipe } from '../../src/pipes';
import { badRequest, caught, httpErrorOf } from './caught';

const param: ArgumentMetadata = { type: 'param', metatype: String, data: 'id' };
const UUID = {
  v3: 'a3bb189e-8bf9-3888-9912-ace4e6543002',
  v4: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  v5: '2ed6657d-e927-568b-95e1-2665a8aea6a2',
  v7: '01890a5d-ac96-774b-bcce-b302099a8057',
  /** Version 4 digit, but a variant nibble (c) outside RFC 4122's 8/9/a/b. */
  v4WrongVariant: 'f47ac10b-58cc-4372-c567-0e02b2c3d479',
};

describe('ParseUUIDPipe', () => {
  it('accepts a UUID of any version by default, case-insensitively, and returns it unchanged', async () => {
    const pipe = new ParseUUIDPipe();
    for (const uuid of [UUID.v3, UUID.v4, UUID.v5, UUID.v7, UUID.v4WrongVariant, UUID.v4.toUpperCase()]) {
      await expect(pipe.transform(uuid, param)).resolves.toBe(uuid);
    }
  });

  it.each([
    ['3', UUID.v3],
    ['4', UUID.v4],
    ['5', UUID.v5],
    ['7', UUID.v7],
  ] as const)('accepts a v%s UUID for version %s', async (version, uuid) => {
    await expect(new ParseUUIDPipe({ version }).transform(uuid, param)).resolves.toBe(uuid);
  });

  it('rejects a non-UUID', async () => {
    for (const input of ['abc', '', `${UUID.v4}0`, UUID.v4.replace(/-/g, '')]) {
      expect(await httpErrorOf(new ParseUUIDPipe().transform(input, param))).toEqual(badRequest('Validation failed (uuid is expected)'));
    }
  });

  it('rejects a UUID of another version, naming the expected one', async () => {
    expect(await httpErrorOf(new ParseUUIDPipe({ version: '4' }).transform(UUID.v7, param))).toEqual(
      badRequest('Validation failed (uuid v 4 is expected)'),
    );
    expect(await httpErrorOf(new ParseUUIDPipe({ version: '7' }).transform(UUID.v4, param))).toEqual(
      badRequest('Validation failed (uuid v 7 is expected)'),
    );
    expect(await httpErrorOf(new ParseUUIDPipe({ version: '4' }).transform(UUID.v4WrongVariant, param))).toEqual(
      badRequest('Validation failed (uuid v 4 is expected)'),
    );
    expect(await httpErrorOf(new ParseUUIDPipe({ version: 'all' }).transform('nope', param))).toEqual(
      badRequest('Validation failed (uuid v all is expected)'),
    );
  });

  it('rejects a value that is not a string with its own message', async () => {
    for (const input of [123, undefined, null, ['a']]) {
      expect(await httpErrorOf(new ParseUUIDPipe().transform(input as unknown as string, param))).toEqual(
        badRequest('The value passed as UUID is not a string'),
      );
    }
  });

  it('answers with errorHttpStatusCode and throws what exceptionFactory builds', async () => {
    expect(await httpErrorOf(new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND }).transform('x', param))).toEqual({
      status: 404,
      body: { message: 'Validation failed (uuid is expected)', error: 'Not Found', statusCode: 404 },
    });
    const pipe = new ParseUUIDPipe({ exceptionFactory: (message) => `custom: ${message}` });
    expect(await caught(pipe.transform('x', param))).toBe('custom: Validation failed (uuid is expected)');
  });

  it('with optional, lets null and undefined through but still rejects bad values', async () => {
    const optional = new ParseUUIDPipe({ optional: true, version: '4' });
    await expect(optional.transform(undefined as unknown as string, param)).resolves.toBeUndefined();
    await expect(optional.transform(null as unknown as string, param)).resolves.toBeNull();
    expect(await httpErrorOf(optional.transform('x', param))).toEqual(badRequest('Validation failed (uuid v 4 is expected)'));
  });
});

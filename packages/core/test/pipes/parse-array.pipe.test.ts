import { IsInt, IsString } from 'class-validator';
import type { ArgumentMetadata } from '../../src/enhancers/interfaces';
import { HttpStatus } from '../../src/exceptions';
import { ParseArrayPipe, type ValidationError } from '../../src/pipes';
import { badRequest, caught, httpErrorOf } from './caught';

const query: ArgumentMetadata = { type: 'query', metatype: Array, data: 'ids' };
const PARSABLE_ARRAY_EXPECTED = 'Validation failed (parsable array expected)';

class ItemDto {
  @IsInt()
  id!: number;

  @IsString()
  name!: string;
}

describe('ParseArrayPipe', () => {
  it('splits a string on commas, and keeps an array as it is', async () => {
    const pipe = new ParseArrayPipe();
    await expect(pipe.transform('a,b,c', query)).resolves.toEqual(['a', 'b', 'c']);
    await expect(pipe.transform('  a,b  ', query)).resolves.toEqual(['a', 'b']);
    const list = ['x', 'y'];
    await expect(pipe.transform(list, query)).resolves.toBe(list);
  });

  it('splits on the given separator', async () => {
    await expect(new ParseArrayPipe({ separator: '|' }).transform('a,1|b,2', query)).resolves.toEqual(['a,1', 'b,2']);
  });

  it.each([[undefined], [null], [''], [0], [5], [{ a: 1 }]])('rejects %p', async (input) => {
    expect(await httpErrorOf(new ParseArrayPipe().transform(input, query))).toEqual(badRequest(PARSABLE_ARRAY_EXPECTED));
  });

  it('with optional, lets null and undefined through but still rejects other non-arrays', async () => {
    const optional = new ParseArrayPipe({ optional: true });
    await expect(optional.transform(undefined, query)).resolves.toBeUndefined();
    await expect(optional.transform(null, query)).resolves.toBeNull();
    expect(await httpErrorOf(optional.transform(5, query))).toEqual(badRequest(PARSABLE_ARRAY_EXPECTED));
  });

  it('answers with errorHttpStatusCode and throws what exceptionFactory builds', async () => {
    expect(await httpErrorOf(new ParseArrayPipe({ errorHttpStatusCode: HttpStatus.FORBIDDEN }).transform(undefined, query))).toEqual({
      status: 403,
      body: { message: PARSABLE_ARRAY_EXPECTED, error: 'Forbidden', statusCode: 403 },
    });
    const custom = new ParseArrayPipe({ exceptionFactory: (error) => ({ custom: error }) });
    expect(await caught(custom.transform(undefined, query))).toEqual({ custom: PARSABLE_ARRAY_EXPECTED });
  });

  describe('items', () => {
    it('Number: converts each item, naming the index of one that is not a number', async () => {
      const pipe = new ParseArrayPipe({ items: Number });
      await expect(pipe.transform('1, 2,-3.5', query)).resolves.toEqual([1, 2, -3.5]);
      await expect(pipe.transform(['4', 5], query)).resolves.toEqual([4, 5]);
      expect(await httpErrorOf(pipe.transform('1,x,3', query))).toEqual(badRequest('[1] item must be a number'));
      expect(await httpErrorOf(pipe.transform('1,', query))).toEqual(badRequest('[1] item must be a number'));
    });

    it('String: keeps each item as a string, without parsing it as JSON', async () => {
      const pipe = new ParseArrayPipe({ items: String });
      await expect(pipe.transform('1,02,true', query)).resolves.toEqual(['1', '02', 'true']);
      await expect(pipe.transform([1, false], query)).resolves.toEqual(['1', 'false']);
    });

    it('Boolean: accepts only JSON booleans', async () => {
      const pipe = new ParseArrayPipe({ items: Boolean });
      await expect(pipe.transform('true,false', query)).resolves.toEqual([true, false]);
      expect(await httpErrorOf(pipe.transform('true,yes', query))).toEqual(badRequest('[1] item must be a boolean value'));
    });

    it('with stopAtFirstError false, reports every failing item', async () => {
      const pipe = new ParseArrayPipe({ items: Number, stopAtFirstError: false });
      expect(await httpErrorOf(pipe.transform('1,x,3,y', query))).toEqual(
        badRequest(['[1] item must be a number', '[3] item must be a number']),
      );
      await expect(pipe.transform('1,2', query)).resolves.toEqual([1, 2]);
    });

    it('a class: parses each item as JSON and validates it into an instance', async () => {
      const pipe = new ParseArrayPipe({ items: ItemDto, separator: ';' });
      const result = await pipe.transform('{"id":1,"name":"a"};{"id":2,"name":"b"}', query);
      expect(result).toEqual([Object.assign(new ItemDto(), { id: 1, name: 'a' }), Object.assign(new ItemDto(), { id: 2, name: 'b' })]);
      expect(result[0]).toBeInstanceOf(ItemDto);
    });

    it('a class: rejects with the first invalid item’s messages', async () => {
      const pipe = new ParseArrayPipe({ items: ItemDto });
      expect(await httpErrorOf(pipe.transform([{ id: 1, name: 'a' }, { id: 'x', name: 2 }], query))).toEqual(
        badRequest(['id must be an integer number', 'name must be a string']),
      );
    });

    it('a class, with stopAtFirstError false: prefixes each message with its item’s index', async () => {
      const pipe = new ParseArrayPipe({ items: ItemDto, stopAtFirstError: false });
      expect(await httpErrorOf(pipe.transform([{ id: 'x', name: 'a' }, { id: 1, name: 'b' }, { id: 2 }], query))).toEqual(
        badRequest(['[0] id must be an integer number', '[2] name must be a string']),
      );
    });

    it('a class: hands class-validator errors to exceptionFactory and applies whitelist', async () => {
      const exceptionFactory = jest.fn((errors: ValidationError[] | string) => new Error(JSON.stringify(errors)));
      const pipe = new ParseArrayPipe({ items: ItemDto, whitelist: true, forbidNonWhitelisted: true, exceptionFactory });
      await caught(pipe.transform([{ id: 1, name: 'a', extra: true }], query));
      const [errors] = exceptionFactory.mock.calls[0]!;
      expect(errors).toEqual([expect.objectContaining({ property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' } })]);
    });
  });
});

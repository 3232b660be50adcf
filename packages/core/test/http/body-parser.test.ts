import { parseBody } from '../../src/http/body-parser';
import { BadRequestException, UnsupportedMediaTypeException } from '../../src/exceptions';

const raw = (text: string) => Buffer.from(text);

describe('parseBody', () => {
  it('parses JSON, +json, forms, text and octet-stream', () => {
    expect(parseBody('application/json; charset=utf-8', raw('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(parseBody('application/merge-patch+json', raw('{"a":1}'))).toEqual({ a: 1 });
    expect(parseBody('application/x-www-form-urlencoded', raw('a=1&b=2&b=3'))).toEqual({ a: '1', b: ['2', '3'] });
    expect(parseBody('text/plain', raw('hello'))).toBe('hello');
    expect(parseBody('application/octet-stream', raw('\x00\x01'))).toEqual(Buffer.from([0, 1]));
  });

  it('gives {} for an empty body, as Express does', () => {
    expect(parseBody('application/json', Buffer.alloc(0))).toEqual({});
    expect(parseBody(undefined, Buffer.alloc(0))).toEqual({});
  });

  it('refuses malformed JSON with 400', () => {
    expect(() => parseBody('application/json', raw('{"a":'))).toThrow(BadRequestException);
    expect(() => parseBody('application/json', raw('{"a":'))).toThrow(/Malformed JSON body/);
  });

  it('refuses __proto__ and constructor.prototype keys with 400, without polluting anything', () => {
    expect(() => parseBody('application/json', raw('{"__proto__":{"polluted":true}}'))).toThrow(/forbidden "__proto__"/);
    expect(() => parseBody('application/json', raw('{"a":{"constructor":{"prototype":{"x":1}}}}'))).toThrow(/forbidden "constructor"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseBody('application/json', raw('{"constructor":"fine"}'))).toEqual({ constructor: 'fine' });
  });

  it('handles very deeply nested JSON without crashing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    let outcome: unknown;
    try {
      outcome = parseBody('application/json', raw(deep));
    } catch (error) {
      outcome = error;
    }
    // Either parsed or refused with a 400: never a crash or a 500.
    expect(Array.isArray(outcome) || outcome instanceof BadRequestException).toBe(true);
  });

  it('refuses unknown media types and bodies without a Content-Type with 415', () => {
    expect(() => parseBody('application/xml', raw('<a/>'))).toThrow(UnsupportedMediaTypeException);
    expect(() => parseBody(undefined, raw('x'))).toThrow(UnsupportedMediaTypeException);
  });
});

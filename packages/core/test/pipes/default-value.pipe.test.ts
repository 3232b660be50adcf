import { DefaultValuePipe, ParseIntPipe } from '../../src/pipes';

describe('DefaultValuePipe', () => {
  const pipe = new DefaultValuePipe(10);

  it('replaces undefined, null and NaN with the default', () => {
    expect(pipe.transform(undefined)).toBe(10);
    expect(pipe.transform(null)).toBe(10);
    expect(pipe.transform(NaN)).toBe(10);
  });

  it('keeps every other value, falsy ones included', () => {
    expect(pipe.transform(0)).toBe(0);
    expect(pipe.transform('')).toBe('');
    expect(pipe.transform(false)).toBe(false);
    expect(pipe.transform('5')).toBe('5');
    const list: unknown[] = [];
    expect(pipe.transform(list)).toBe(list);
  });

  it('placed before ParseIntPipe, turns a missing query value into the default number', async () => {
    const metadata = { type: 'query', metatype: Number, data: 'page' } as const;
    const parse = new ParseIntPipe();
    await expect(parse.transform(pipe.transform(undefined, metadata) as unknown as string, metadata)).resolves.toBe(10);
    await expect(parse.transform(pipe.transform('3', metadata) as string, metadata)).resolves.toBe(3);
  });
});

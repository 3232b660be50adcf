import { BadRequestException, type ArgumentMetadata } from '@armature/core';
import { {{className}}Pipe } from './{{fileName}}.pipe';

describe('{{className}}Pipe', () => {
  const metadata = { type: 'query', data: 'name' } as ArgumentMetadata;

  it('trims a string', () => {
    expect(new {{className}}Pipe().transform('  Tom ', metadata)).toBe('Tom');
  });

  it('refuses an empty value with a 400', () => {
    expect(() => new {{className}}Pipe().transform('', metadata)).toThrow(BadRequestException);
  });
});

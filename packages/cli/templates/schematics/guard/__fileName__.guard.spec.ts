import type { ExecutionContext } from '@armature/core';
import { {{className}}Guard } from './{{fileName}}.guard';

describe('{{className}}Guard', () => {
  const contextOfType = (type: string) => ({ getType: () => type }) as unknown as ExecutionContext;

  it('lets HTTP requests through', () => {
    expect(new {{className}}Guard().canActivate(contextOfType('http'))).toBe(true);
  });

  it('refuses other kinds of context', () => {
    expect(new {{className}}Guard().canActivate(contextOfType('ws'))).toBe(false);
  });
});

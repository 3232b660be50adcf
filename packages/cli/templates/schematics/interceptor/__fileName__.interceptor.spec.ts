import type { CallHandler, ExecutionContext } from '@armature/core';
import { lastValueFrom, of } from 'rxjs';
import { {{className}}Interceptor } from './{{fileName}}.interceptor';

describe('{{className}}Interceptor', () => {
  it('wraps what the handler returns', async () => {
    const next = { handle: () => of('result') } as CallHandler;
    const result = new {{className}}Interceptor().intercept({} as ExecutionContext, next);
    await expect(lastValueFrom(result)).resolves.toEqual({ data: 'result' });
  });
});

import { greet, hello } from './routes';

describe('routes', () => {
  it('says hello', () => {
    expect(hello()).toBe('Hello World!');
  });

  it('greets by name', () => {
    expect(greet({ param: () => 'Ada' })).toEqual({ message: 'Hello Ada!' });
  });
});

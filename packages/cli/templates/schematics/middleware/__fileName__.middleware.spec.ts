import { {{className}}Middleware } from './{{fileName}}.middleware';

describe('{{className}}Middleware', () => {
  it('marks the response and calls the next handler', () => {
    const res = { setHeader: jest.fn() };
    const next = jest.fn();

    new {{className}}Middleware().use({}, res, next);

    expect(res.setHeader).toHaveBeenCalledWith('x-{{fileName}}', 'seen');
    expect(next).toHaveBeenCalledTimes(1);
  });
});

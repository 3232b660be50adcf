import { t } from '../../src/schema';
import { compiled, failures } from './route-fixture';

describe('headers validation', () => {
  const route = compiled({ headers: t.Object({ 'X-Api-Key': t.String({ minLength: 8 }), 'x-retries': t.Optional(t.Integer()) }) });

  it('matches header names case-insensitively (they arrive lower-cased)', () => {
    expect(route.validateHeaders!({ 'x-api-key': 'secret-key', host: 'a' })).toEqual({ 'x-api-key': 'secret-key', host: 'a' });
  });

  it('returns a coerced copy and leaves the request headers as strings', () => {
    const headers = { 'x-api-key': 'secret-key', 'x-retries': '3' };
    expect(route.validateHeaders!(headers)).toEqual({ 'x-api-key': 'secret-key', 'x-retries': 3 });
    expect(headers['x-retries']).toBe('3');
  });

  it('names each failing header', () => {
    expect(failures(route.validateHeaders, { 'x-retries': 'many' })).toEqual(['headers.x-api-key is required', 'headers.x-retries must be an integer']);
    expect(failures(route.validateHeaders, { 'x-api-key': 'short' })).toEqual(['headers.x-api-key must be at least 8 characters long']);
  });

  it('tells the adapter which headers to copy', () => {
    expect(route.headerNames).toEqual(['x-api-key', 'x-retries']);
  });

  it('asks for every header when the schema constrains unnamed ones', () => {
    const open = compiled({ headers: t.Object({ host: t.String() }, { additionalProperties: false }) });
    expect(open.headerNames).toBe('all');
  });

  it('asks for no header without a headers schema', () => {
    expect(compiled({ body: t.Object({}) }).headerNames).toEqual([]);
  });
});

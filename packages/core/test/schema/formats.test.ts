import { SchemaCompileError, registerSchemaFormat, t } from '../../src/schema';
import { compiled, failures } from './route-fixture';

describe('string formats without ajv-formats', () => {
  const { validateBody } = compiled({
    body: t.Object({
      email: t.Optional(t.String({ format: 'email' })),
      id: t.Optional(t.String({ format: 'uuid' })),
      at: t.Optional(t.String({ format: 'date-time' })),
      day: t.Optional(t.String({ format: 'date' })),
      site: t.Optional(t.String({ format: 'uri' })),
      ip: t.Optional(t.String({ format: 'ipv4' })),
    }),
  });

  it.each([
    ['email', 'tom@cats.example.org'],
    ['id', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['at', '2024-02-29T12:30:00Z'],
    ['at', '2024-02-29t12:30:00.123+02:00'],
    ['day', '2000-02-29'],
    ['site', 'https://example.com/a?b=c'],
    ['ip', '192.168.0.1'],
  ])('accepts a valid %s: %s', (field, value) => {
    expect(validateBody!({ [field]: value })).toEqual({ [field]: value });
  });

  it.each([
    ['email', 'tom@', 'email'],
    ['id', '3f2504e0-4f89-11d3-9a0c', 'uuid'],
    ['at', '2023-02-29T12:30:00Z', 'date-time'],
    ['at', '2024-01-01T25:00:00Z', 'date-time'],
    ['at', '2024-01-01T12:00:00', 'date-time'],
    ['day', '2024-13-01', 'date'],
    ['site', 'not a uri', 'uri'],
    ['ip', '256.1.1.1', 'ipv4'],
  ])('rejects an invalid %s: %s', (field, value, format) => {
    expect(failures(validateBody, { [field]: value })).toEqual([`body.${field} must be a valid ${format}`]);
  });

  it('rejects an email longer than 254 characters', () => {
    expect(failures(validateBody, { email: `${'a'.repeat(250)}@b.co` })).toEqual(['body.email must be a valid email']);
  });

  it('fails at boot on an unknown format, naming the route, the part and the fix', () => {
    const compile = () => compiled({ body: t.Object({ phone: t.String({ format: 'phone-fr' }) }) });
    expect(compile).toThrow(SchemaCompileError);
    expect(compile).toThrow(
      'Cannot compile the body schema of POST /cats (CatsController#create): unknown format "phone-fr" ignored in schema at path "#/properties/phone". ' +
        "Register it before the application starts: registerSchemaFormat('phone-fr', /^...$/ or (value) => boolean)",
    );
  });

  it('fails at boot on an unknown format in a response schema too', () => {
    expect(() => compiled({ response: t.Object({ phone: t.String({ format: 'phone-de' }) }) })).toThrow(
      'Cannot compile the response 201 schema of POST /cats (CatsController#create): unknown format "phone-de"',
    );
  });

  it('uses a format registered before boot', () => {
    registerSchemaFormat('phone-uk', /^\+44[0-9]{10}$/g);
    const route = compiled({ body: t.Object({ phone: t.String({ format: 'phone-uk' }) }) });
    // Twice: a /g pattern would otherwise remember where it stopped and fail the second time.
    expect(route.validateBody!({ phone: '+441234567890' })).toEqual({ phone: '+441234567890' });
    expect(route.validateBody!({ phone: '+441234567890' })).toEqual({ phone: '+441234567890' });
    expect(failures(route.validateBody, { phone: '0123' })).toEqual(['body.phone must be a valid phone-uk']);
  });

  it('fails at boot on a misspelt keyword rather than ignoring it', () => {
    expect(() => compiled({ body: { type: 'string', minLenght: 2 } })).toThrow('Cannot compile the body schema of POST /cats (CatsController#create): strict mode: unknown keyword: "minLenght"');
  });

  it('accepts OpenAPI annotations in a schema', () => {
    const route = compiled({ body: { type: 'string', example: 'Tom', nullable: true } });
    expect(route.validateBody!(null)).toBeNull();
  });
});

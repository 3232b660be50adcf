import { IsInt, IsString, MinLength, registerDecorator } from 'class-validator';
import type { ArgumentMetadata } from '../../../src/enhancers/interfaces';
import { HttpStatus, UnprocessableEntityException } from '../../../src/exceptions';
import { ValidationPipe, type ValidationError } from '../../../src/pipes';
import { badRequest, caught, httpErrorOf } from '../caught';
import { AddressDto, CompanyDto, CreateUserDto, ListQueryDto, NoRulesDto, OptionalFieldsDto, TagDto, validUser } from './dtos';

const body = (metatype?: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });
const query = (metatype?: ArgumentMetadata['metatype'], data?: string): ArgumentMetadata => ({ type: 'query', metatype, data });

describe('ValidationPipe: validating a DTO', () => {
  it('returns the untouched input when it is valid and transform is off', async () => {
    const input = validUser();
    const result = await new ValidationPipe().transform(input, body(CreateUserDto));
    expect(result).toBe(input);
    expect(result).not.toBeInstanceOf(CreateUserDto);
  });

  it('rejects with a 400 listing every failed constraint', async () => {
    const input = { name: '', age: -1.5, address: { city: 'Paris' } };
    expect(await httpErrorOf(new ValidationPipe().transform(input, body(CreateUserDto)))).toEqual(
      badRequest(['name should not be empty', 'age must be an integer number', 'age must not be less than 0']),
    );
  });

  it('prefixes the messages of nested objects with their path', async () => {
    const input = { ...validUser(), address: { city: 5, zip: 7 } };
    expect(await httpErrorOf(new ValidationPipe().transform(input, body(CreateUserDto)))).toEqual(
      badRequest(['address.city must be a string', 'address.zip must be a string']),
    );
  });

  it('prefixes the messages of arrays of nested objects with the index', async () => {
    const input = { ...validUser(), tags: [{ name: 'a' }, { name: 'ok' }, { name: 7 }] };
    expect(await httpErrorOf(new ValidationPipe().transform(input, body(CreateUserDto)))).toEqual(
      badRequest([
        'tags.0.name must be longer than or equal to 2 characters',
        'tags.2.name must be a string',
        'tags.2.name must be longer than or equal to 2 characters',
      ]),
    );
  });

  it('builds the full path through several levels of nesting', async () => {
    const input = { title: 'ACME', owner: { ...validUser(), address: { city: null }, tags: [{ name: 'x' }] } };
    expect(await httpErrorOf(new ValidationPipe().transform(input, body(CompanyDto)))).toEqual(
      badRequest(['owner.address.city must be a string', 'owner.tags.0.name must be longer than or equal to 2 characters']),
    );
  });

  it('reports a nested property that is not an object', async () => {
    const input = { ...validUser(), address: 'London' };
    expect(await httpErrorOf(new ValidationPipe().transform(input, body(CreateUserDto)))).toEqual(
      badRequest(['nested property address must be either object or array']),
    );
  });

  it('validates a missing body as an empty object, so required properties are reported', async () => {
    // (class-validator does not run nested validation on an undefined property.)
    expect(await httpErrorOf(new ValidationPipe().transform(undefined, body(CreateUserDto)))).toEqual(
      badRequest(['name must be a string', 'name should not be empty', 'age must be an integer number', 'age must not be less than 0']),
    );
  });

  it('hands back a missing body when the class accepts it (an empty instance with transform)', async () => {
    await expect(new ValidationPipe().transform(undefined, body(OptionalFieldsDto))).resolves.toBeUndefined();
    await expect(new ValidationPipe().transform(null, body(OptionalFieldsDto))).resolves.toBeNull();
    const transformed = await new ValidationPipe({ transform: true }).transform(undefined, body(OptionalFieldsDto));
    expect(transformed).toBeInstanceOf(OptionalFieldsDto);
  });

  it('validates a primitive given for a class against the class, and returns the primitive when it passes', async () => {
    expect((await httpErrorOf(new ValidationPipe().transform('Ada', body(CreateUserDto)))).body.message).toContain('name must be a string');
    await expect(new ValidationPipe({ transform: true }).transform('note', body(OptionalFieldsDto))).resolves.toBe('note');
  });

  it('awaits async validators', async () => {
    function IsKnownCity(): PropertyDecorator {
      return (target, propertyName) =>
        registerDecorator({
          name: 'isKnownCity',
          target: target.constructor,
          propertyName: propertyName as string,
          options: { message: '$property is not a known city' },
          validator: { validate: async (value: unknown) => value === 'Paris' },
        });
    }
    class TripDto {
      @IsKnownCity()
      destination!: string;
    }
    await expect(new ValidationPipe().transform({ destination: 'Paris' }, body(TripDto))).resolves.toEqual({ destination: 'Paris' });
    expect(await httpErrorOf(new ValidationPipe().transform({ destination: 'Atlantis' }, body(TripDto)))).toEqual(
      badRequest(['destination is not a known city']),
    );
  });
});

describe('ValidationPipe: what it skips', () => {
  it.each([
    ['no metatype', undefined],
    ['String', String],
    ['Number', Number],
    ['Boolean', Boolean],
    ['Array', Array],
    ['Object', Object],
    ['Buffer', Buffer],
    ['Date', Date],
  ])('passes the value through for %s', async (_name, metatype) => {
    const value = { anything: ['goes'] };
    await expect(new ValidationPipe().transform(value, body(metatype as ArgumentMetadata['metatype']))).resolves.toBe(value);
    await expect(new ValidationPipe({ transform: true }).transform(value, body(metatype as ArgumentMetadata['metatype']))).resolves.toBe(value);
  });

  it("skips 'custom' parameters unless validateCustomDecorators is set", async () => {
    const custom: ArgumentMetadata = { type: 'custom', metatype: CreateUserDto };
    const invalid = { name: 1 };
    await expect(new ValidationPipe().transform(invalid, custom)).resolves.toBe(invalid);
    expect((await httpErrorOf(new ValidationPipe({ validateCustomDecorators: true }).transform(invalid, custom))).body.message).toContain(
      'name must be a string',
    );
  });

  it('validates against expectedType instead of the declared type', async () => {
    const pipe = new ValidationPipe({ expectedType: AddressDto });
    expect(await httpErrorOf(pipe.transform({ city: 1 }, body(Object)))).toEqual(badRequest(['city must be a string']));
    await expect(pipe.transform({ city: 'Rome' }, body(undefined))).resolves.toEqual({ city: 'Rome' });
  });
});

describe('ValidationPipe: transform', () => {
  it('hands over an instance of the class, nested objects included', async () => {
    const result = await new ValidationPipe({ transform: true }).transform(validUser(), body(CreateUserDto));
    expect(result).toBeInstanceOf(CreateUserDto);
    expect(result.address).toBeInstanceOf(AddressDto);
    expect(result.tags[0]).toBeInstanceOf(TagDto);
    expect(result).toEqual(Object.assign(new CreateUserDto(), { name: 'Ada', age: 36 }, {
      address: Object.assign(new AddressDto(), { city: 'London' }),
      tags: [Object.assign(new TagDto(), { name: 'math' })],
    }));
  });

  it('converts query strings by their declared types with enableImplicitConversion', async () => {
    const plain = new ValidationPipe({ transform: true });
    expect(await httpErrorOf(plain.transform({ page: '2' }, query(ListQueryDto)))).toEqual(badRequest(['page must be an integer number']));

    const implicit = new ValidationPipe({ transform: true, transformOptions: { enableImplicitConversion: true } });
    const result = await implicit.transform({ page: '2' }, query(ListQueryDto));
    expect(result).toBeInstanceOf(ListQueryDto);
    expect(result.page).toBe(2);
  });

  it('converts named param and query values declared number, boolean or string', async () => {
    const pipe = new ValidationPipe({ transform: true });
    await expect(pipe.transform('42', { type: 'param', metatype: Number, data: 'id' })).resolves.toBe(42);
    await expect(pipe.transform('abc', { type: 'param', metatype: Number, data: 'id' })).resolves.toBeNaN();
    await expect(pipe.transform('true', { type: 'query', metatype: Boolean, data: 'on' })).resolves.toBe(true);
    await expect(pipe.transform('false', { type: 'query', metatype: Boolean, data: 'on' })).resolves.toBe(false);
    await expect(pipe.transform('', { type: 'query', metatype: Boolean, data: 'on' })).resolves.toBe(false);
    await expect(pipe.transform(5, { type: 'query', metatype: String, data: 'q' })).resolves.toBe('5');
  });

  it('leaves absent optional params undefined rather than NaN or false', async () => {
    const pipe = new ValidationPipe({ transform: true });
    await expect(pipe.transform(undefined, { type: 'query', metatype: Number, data: 'page' })).resolves.toBeUndefined();
    await expect(pipe.transform(undefined, { type: 'query', metatype: Boolean, data: 'on' })).resolves.toBeUndefined();
    await expect(pipe.transform(undefined, { type: 'query', metatype: String, data: 'q' })).resolves.toBeUndefined();
  });

  it('does not convert bodies, unnamed query objects, or anything when transform is off', async () => {
    const pipe = new ValidationPipe({ transform: true });
    await expect(pipe.transform('42', { type: 'body', metatype: Number, data: 'id' })).resolves.toBe('42');
    const wholeQuery = { page: '1' };
    await expect(pipe.transform(wholeQuery, { type: 'query', metatype: Object })).resolves.toBe(wholeQuery);
    await expect(new ValidationPipe().transform('42', { type: 'param', metatype: Number, data: 'id' })).resolves.toBe('42');
  });
});

describe('ValidationPipe: whitelisting', () => {
  it('with whitelist, strips undecorated properties (nested ones too) and hands over a plain object', async () => {
    const input = { ...validUser(), isAdmin: true, address: { city: 'London', secret: 'x' } };
    const result = await new ValidationPipe({ whitelist: true }).transform(input, body(CreateUserDto));
    expect(result).not.toBeInstanceOf(CreateUserDto);
    expect(result).toEqual({ name: 'Ada', age: 36, address: { city: 'London' }, tags: [{ name: 'math' }] });
  });

  it('with forbidNonWhitelisted, rejects them instead', async () => {
    const input = { ...validUser(), isAdmin: true, address: { city: 'London', secret: 'x' } };
    const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true });
    expect(await httpErrorOf(pipe.transform(input, body(CreateUserDto)))).toEqual(
      badRequest(['property isAdmin should not exist', 'address.property secret should not exist']),
    );
  });

  it('accepts classes without rules unless forbidUnknownValues is set', async () => {
    await expect(new ValidationPipe().transform({ value: 'x' }, body(NoRulesDto))).resolves.toEqual({ value: 'x' });
    expect(await httpErrorOf(new ValidationPipe({ forbidUnknownValues: true }).transform({ value: 'x' }, body(NoRulesDto)))).toEqual(
      badRequest(['an unknown value was passed to the validate function']),
    );
  });

  it('removes __proto__, prototype and constructor keys from the input', async () => {
    const input = JSON.parse('{"note":"x","__proto__":{"polluted":true},"nested":{"constructor":{"prototype":{"polluted":true}}}}');
    const result = await new ValidationPipe().transform(input, body(OptionalFieldsDto));
    expect(Object.keys(result)).toEqual(['note', 'nested']);
    expect(Object.prototype.hasOwnProperty.call(result, '__proto__')).toBe(false);
    expect(Object.keys(result.nested)).toEqual([]);
  });
});

describe('ValidationPipe: errors', () => {
  const invalid = { ...validUser(), name: 5 };

  it('with disableErrorMessages, answers a bare 400', async () => {
    expect(await httpErrorOf(new ValidationPipe({ disableErrorMessages: true }).transform(invalid, body(CreateUserDto)))).toEqual({
      status: 400,
      body: { statusCode: 400, message: 'Bad Request' },
    });
  });

  it('answers with errorHttpStatusCode', async () => {
    const pipe = new ValidationPipe({ errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY });
    const error = await caught(pipe.transform(invalid, body(CreateUserDto)));
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    expect(await httpErrorOf(Promise.reject(error))).toEqual({
      status: 422,
      body: { message: ['name must be a string'], error: 'Unprocessable Entity', statusCode: 422 },
    });
  });

  it('throws what exceptionFactory builds from class-validator errors, awaiting it', async () => {
    const exceptionFactory = jest.fn(async (errors: ValidationError[]) => new Error(errors.map((error) => error.property).join(',')));
    const error = await caught(new ValidationPipe({ exceptionFactory }).transform({ ...invalid, age: 'x' }, body(CreateUserDto)));
    expect(error).toEqual(new Error('name,age'));
    const [errors] = exceptionFactory.mock.calls[0]!;
    expect(errors[0]).toMatchObject({ property: 'name', value: 5, constraints: { isString: 'name must be a string' } });
    expect(errors[0]!.target).toMatchObject({ name: 5 });
  });

  it('passes validationError through to class-validator (target and value left out)', async () => {
    const exceptionFactory = jest.fn((errors: ValidationError[]) => errors);
    const pipe = new ValidationPipe({ exceptionFactory, validationError: { target: false, value: false } });
    await caught(pipe.transform(invalid, body(CreateUserDto)));
    const [errors] = exceptionFactory.mock.calls[0]!;
    expect(errors[0]!.property).toBe('name');
    expect(errors[0]).not.toHaveProperty('target');
    expect(errors[0]).not.toHaveProperty('value');
  });

  it('with stopAtFirstError, reports one failed constraint per property', async () => {
    class NameDto {
      @MinLength(3)
      @IsString()
      name!: string;
    }
    expect((await httpErrorOf(new ValidationPipe().transform({ name: 5 }, body(NameDto)))).body.message).toHaveLength(2);
    expect((await httpErrorOf(new ValidationPipe({ stopAtFirstError: true }).transform({ name: 5 }, body(NameDto)))).body.message).toHaveLength(1);
  });

  it('with dismissDefaultMessages, keeps only custom messages', async () => {
    class NameDto {
      @MinLength(3, { message: 'too short' })
      @IsString()
      name!: string;
    }
    const pipe = new ValidationPipe({ dismissDefaultMessages: true });
    expect(await httpErrorOf(pipe.transform({ name: 5 }, body(NameDto)))).toEqual(badRequest(['', 'too short']));
  });
});

describe('ValidationPipe: skipping properties', () => {
  it('with skipMissingProperties, ignores null and undefined properties only', async () => {
    const pipe = new ValidationPipe({ skipMissingProperties: true });
    await expect(pipe.transform({ name: 'Ada', address: { city: 'Oslo' } }, body(CreateUserDto))).resolves.toEqual({
      name: 'Ada',
      address: { city: 'Oslo' },
    });
    expect(await httpErrorOf(pipe.transform({ name: 5, address: { city: 'Oslo' } }, body(CreateUserDto)))).toEqual(
      badRequest(['name must be a string']),
    );
  });

  it('with skipNullProperties or skipUndefinedProperties, ignores just that kind of missing', async () => {
    const input = { ...validUser(), name: null, age: undefined };
    expect(await httpErrorOf(new ValidationPipe({ skipNullProperties: true }).transform(input, body(CreateUserDto)))).toEqual(
      badRequest(['age must be an integer number', 'age must not be less than 0']),
    );
    expect(await httpErrorOf(new ValidationPipe({ skipUndefinedProperties: true }).transform(input, body(CreateUserDto)))).toEqual(
      badRequest(['name must be a string', 'name should not be empty']),
    );
  });
});

describe('ValidationPipe: groups', () => {
  class AccountDto {
    @IsString({ groups: ['create'] })
    password!: string;

    @IsInt({ groups: ['update'] })
    id!: number;

    @IsString()
    email!: string;
  }
  const input = { password: 1, id: 'x', email: 2 };

  it('runs only the rules of the given groups', async () => {
    expect(await httpErrorOf(new ValidationPipe({ groups: ['create'] }).transform(input, body(AccountDto)))).toEqual(
      badRequest(['password must be a string']),
    );
    expect(await httpErrorOf(new ValidationPipe({ groups: ['update'] }).transform(input, body(AccountDto)))).toEqual(
      badRequest(['id must be an integer number']),
    );
  });

  it('with always, also runs the rules that have no group', async () => {
    expect(await httpErrorOf(new ValidationPipe({ groups: ['create'], always: true }).transform(input, body(AccountDto)))).toEqual(
      badRequest(['password must be a string', 'email must be a string']),
    );
  });

  it('without groups runs every rule, and with strictGroups only the ungrouped ones', async () => {
    expect(await httpErrorOf(new ValidationPipe().transform(input, body(AccountDto)))).toEqual(
      badRequest(['password must be a string', 'id must be an integer number', 'email must be a string']),
    );
    expect(await httpErrorOf(new ValidationPipe({ strictGroups: true }).transform(input, body(AccountDto)))).toEqual(
      badRequest(['email must be a string']),
    );
  });
});

describe('ValidationPipe: packages', () => {
  it('uses validatorPackage and transformerPackage when given', async () => {
    const validate = jest.fn(() => [{ property: 'city', constraints: { custom: 'city is wrong' } }]);
    const plainToInstance = jest.fn((_cls: unknown, plain: object) => ({ ...plain }));
    const pipe = new ValidationPipe({
      validatorPackage: { validate },
      transformerPackage: { plainToInstance, classToPlain: (value: unknown) => value },
    });
    expect(await httpErrorOf(pipe.transform({ city: 'x' }, body(AddressDto)))).toEqual(badRequest(['city is wrong']));
    expect(plainToInstance).toHaveBeenCalledWith(AddressDto, { city: 'x' }, undefined);
    expect(validate).toHaveBeenCalledTimes(1);
  });
});

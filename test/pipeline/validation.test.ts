import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { Body, Controller, DefaultValuePipe, Get, Module, Param, ParseIntPipe, Post, Query, ValidationPipe } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

class AddressDto {
  @IsString()
  city!: string;
}

class CreateUserDto {
  @IsString()
  name!: string;

  @IsEmail()
  email!: string;

  @IsInt()
  @Min(0)
  age!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

@Controller('users')
class UsersController {
  @Post()
  create(@Body() dto: CreateUserDto) {
    return { isDto: dto instanceof CreateUserDto, dto };
  }

  @Get(':id')
  one(@Param('id', ParseIntPipe) id: number, @Query('page', new DefaultValuePipe(1), ParseIntPipe) page: number) {
    return { id, idType: typeof id, page };
  }
}

@Module({ controllers: [UsersController] })
class UsersModule {}

describe.each(ADAPTERS)('NestJS pipes through the pipeline on the %s adapter', (_name, createAdapter) => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp(UsersModule, createAdapter, {}, (app) =>
      app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })),
    );
  });
  afterAll(() => running.close());

  const post = (body: unknown) =>
    fetch(`${running.url}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('a valid DTO reaches the handler as a class instance', async () => {
    const res = await post({ name: 'Ada', email: 'ada@example.com', age: 36, address: { city: 'London' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ isDto: true, dto: { name: 'Ada', email: 'ada@example.com', age: 36, address: { city: 'London' } } });
  });

  it('validation failure → 400 with a message array naming each failing field, nested ones included', async () => {
    const res = await post({ name: 5, email: 'nope', age: -1, address: { city: 9 } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string[]; error: string; statusCode: number };
    expect(body.error).toBe('Bad Request');
    expect(body.statusCode).toBe(400);
    expect(body.message).toEqual(
      expect.arrayContaining(['name must be a string', 'email must be an email', 'age must not be less than 0', 'address.city must be a string']),
    );
  });

  it('forbidNonWhitelisted refuses unknown properties', async () => {
    const res = await post({ name: 'Ada', email: 'ada@example.com', age: 1, admin: true });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string[] }).message).toContain('property admin should not exist');
  });

  it('ParseIntPipe and DefaultValuePipe transform params and query', async () => {
    expect(await (await fetch(`${running.url}/users/42`)).json()).toEqual({ id: 42, idType: 'number', page: 1 });
    expect(await (await fetch(`${running.url}/users/42?page=3`)).json()).toEqual({ id: 42, idType: 'number', page: 3 });
    const bad = await fetch(`${running.url}/users/abc`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'Validation failed (numeric string is expected)', error: 'Bad Request', statusCode: 400 });
  });
});

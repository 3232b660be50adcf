'use strict';
// The NestJS app the nest-* and armature-decorators servers run, written as tsc would emit it from
// decorated TypeScript (Reflect.decorate + design:* metadata), so it needs no
// build step. NestJS 12 ships ESM only: CommonJS loads it with import().
require('reflect-metadata');

/** TypeScript's __param helper: applies a parameter decorator to one index. */
function param(index, decorator) {
  return (target, key) => decorator(target, key, index);
}

/** Decorates a prototype method the way tsc does, then installs the result. */
function decorateMethod(cls, key, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
  const decorated = Reflect.decorate(decorators, cls.prototype, key, descriptor);
  Object.defineProperty(cls.prototype, key, decorated || descriptor);
}

/**
 * Builds the app from a decorator package: `@nestjs/common` by default, or `@armature/core`, which
 * is the whole migration (same controller, only the import differs).
 */
async function createAppModule(decorators) {
  const { Module, Controller, Get, Post, Param, Body, Header, HttpCode } = decorators ?? (await import('@nestjs/common'));
  const design = (paramtypes) => [
    Reflect.metadata('design:type', Function),
    Reflect.metadata('design:paramtypes', paramtypes),
  ];

  class AppController {
    plaintext() {
      return 'Hello, World!';
    }
    json() {
      return { message: 'Hello, World!' };
    }
    user(id) {
      return { id, name: `User ${id}` };
    }
    echo(body) {
      return body;
    }
  }

  // A returned string is text/html in NestJS: @Header makes it text/plain like the others.
  decorateMethod(AppController, 'plaintext', [Get('plaintext'), Header('Content-Type', 'text/plain'), ...design([])]);
  decorateMethod(AppController, 'json', [Get('json'), ...design([])]);
  decorateMethod(AppController, 'user', [Get('users/:id'), param(0, Param('id')), ...design([String])]);
  // POST defaults to 201 in NestJS; every other server answers 200.
  decorateMethod(AppController, 'echo', [Post('echo'), HttpCode(200), param(0, Body()), ...design([Object])]);
  Reflect.decorate([Controller()], AppController);

  const RealisticController = realisticController(decorators ?? (await import('@nestjs/common')), design);

  class AppModule {}
  Reflect.decorate([Module({ controllers: [AppController, RealisticController] })], AppModule);
  return AppModule;
}

/**
 * POST /realistic: an API-key guard, body validation, three fields out. Written the way each
 * framework's users write it: with NestJS, a class-validator DTO through ValidationPipe and a
 * handler that picks the fields; with Armature, one schema for the body and the response.
 */
function realisticController(decorators, design) {
  const { Controller, Post, Body, HttpCode, UseGuards } = decorators;
  const apiKeyGuard = { canActivate: (context) => context.switchToHttp().getRequest().headers['x-api-key'] === 'bench-key' };

  class RealisticController {
    create(user) {
      return decorators.Schema ? user : { id: user.id, name: user.name, email: user.email };
    }
  }
  const common = [Post('realistic'), HttpCode(200), UseGuards(apiKeyGuard)];
  if (decorators.Schema) {
    const { t, Schema } = decorators;
    const User = t.Object({
      id: t.Integer(),
      name: t.String({ minLength: 1 }),
      email: t.String({ format: 'email' }),
      active: t.Boolean(),
      roles: t.Array(t.String()),
      tags: t.Array(t.String()),
      address: t.Object({ street: t.String(), city: t.String(), zip: t.String() }),
    });
    const Created = t.Object({ id: t.Integer(), name: t.String(), email: t.String() });
    decorateMethod(RealisticController, 'create', [...common, Schema({ body: User, response: Created }), param(0, Body()), ...design([Object])]);
  } else {
    const { IsBoolean, IsEmail, IsInt, IsObject, IsString, MinLength } = require('class-validator');
    class CreateUserDto {}
    const property = (key, list) => Reflect.decorate(list, CreateUserDto.prototype, key);
    property('id', [IsInt()]);
    property('name', [IsString(), MinLength(1)]);
    property('email', [IsEmail()]);
    property('active', [IsBoolean()]);
    property('roles', [IsString({ each: true })]);
    property('tags', [IsString({ each: true })]);
    property('address', [IsObject()]);
    const pipe = new decorators.ValidationPipe({ whitelist: true });
    decorateMethod(RealisticController, 'create', [...common, param(0, Body(pipe)), ...design([CreateUserDto])]);
  }
  Reflect.decorate([Controller()], RealisticController);
  return RealisticController;
}

module.exports = { createAppModule };

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

  class AppModule {}
  Reflect.decorate([Module({ controllers: [AppController] })], AppModule);
  return AppModule;
}

module.exports = { createAppModule };

'use strict';
// One server process holding the benchmark endpoints three times, in one route table:
//   /d/...  decorator routes (as benchmarks/servers/_nest-app.js writes them)
//   /m/...  micro routes, default settings (copy what they declare: nothing, the body for POST)
//   /a/...  micro routes that copy every header (`reads: { headers: 'all' }`)
// so that ab-run.js compares them in the same process, JIT and memory layout included.
// Loads the built packages: `npx tsc -b packages/core packages/platform-uws` first.
require('reflect-metadata');
const core = require('@armature/core');
const { UwsAdapter } = require('@armature/platform-uws');

const { ArmatureFactory, Module, Controller, Get, Post, Param, Body, Header, HttpCode, scope, get, post } = core;

function decorateMethod(cls, key, decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(cls.prototype, key);
  Object.defineProperty(cls.prototype, key, Reflect.decorate(decorators, cls.prototype, key, descriptor) || descriptor);
}
const param = (index, decorator) => (target, key) => decorator(target, key, index);
const design = (types) => [Reflect.metadata('design:type', Function), Reflect.metadata('design:paramtypes', types)];

class DecoratorController {
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
decorateMethod(DecoratorController, 'plaintext', [Get('plaintext'), Header('Content-Type', 'text/plain'), ...design([])]);
decorateMethod(DecoratorController, 'json', [Get('json'), ...design([])]);
decorateMethod(DecoratorController, 'user', [Get('users/:id'), param(0, Param('id')), ...design([String])]);
decorateMethod(DecoratorController, 'echo', [Post('echo'), HttpCode(200), param(0, Body()), ...design([Object])]);
Reflect.decorate([Controller('d')], DecoratorController);
class AbModule {}
Reflect.decorate([Module({ controllers: [DecoratorController] })], AbModule);

function microRoutes(prefix, options) {
  return scope(prefix)
    .route('/plaintext', get(() => 'Hello, World!', options))
    .route('/json', get(() => ({ message: 'Hello, World!' }), options))
    .route('/users/:id', get((req) => {
      const id = req.param('id');
      return { id, name: `User ${id}` };
    }, options))
    .route('/echo', post((req) => req.json(), { ...options, status: 200 }));
}

async function main() {
  const app = await ArmatureFactory.create(AbModule, new UwsAdapter(), { logger: false });
  app.mount(microRoutes('/m', {}), microRoutes('/a', { reads: { headers: 'all' } }));
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.send?.('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

'use strict';
// The server the pinning measurement loads: GET /plaintext on Armature (built packages, uWS adapter)
// in worker mode. `node server.js <workers> <pin|nopin>`; prints `port:<n>` once the workers listen.
// It is also each worker's entry (worker mode re-runs the entry in every thread).
const { ArmatureFactory, Controller, Get, Header, Module } = require('@armature/core');

class PlaintextController {
  plaintext() {
    return 'Hello, World!';
  }
}
Reflect.decorate([Get('plaintext'), Header('content-type', 'text/plain')], PlaintextController.prototype, 'plaintext', Object.getOwnPropertyDescriptor(PlaintextController.prototype, 'plaintext'));
Reflect.decorate([Controller()], PlaintextController);

class BenchModule {}
Reflect.decorate([Module({ controllers: [PlaintextController] })], BenchModule);

const [workers, pin] = process.argv.slice(2);
(async () => {
  const app = await ArmatureFactory.create(BenchModule, { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1', { workers: Number(workers), pin: pin === 'pin' });
  if (process.send === undefined && require('node:worker_threads').isMainThread) process.stdout.write(`port:${new URL(await app.getUrl()).port}\n`);
})();

'use strict';
// The gateway both Armature servers run, written with decorators applied by hand (plain JS).
const { ArmatureFactory, Module } = require('@armature/core');
const { WebSocketGateway, WebSocketServer, SubscribeMessage } = require('@armature/websocket');
const { serve } = require('../lib/server-control');

async function createBenchModule(adapter) {
  class BenchGateway {
    ping() {
      return 'pong';
    }
  }
  Reflect.decorate([WebSocketServer()], BenchGateway.prototype, 'server', undefined);
  Reflect.decorate([SubscribeMessage('ping')], BenchGateway.prototype, 'ping', Object.getOwnPropertyDescriptor(BenchGateway.prototype, 'ping'));
  Reflect.decorate([WebSocketGateway({ path: '/ws', idleTimeout: 0 })], BenchGateway);
  class BenchModule {}
  Reflect.decorate([Module({ providers: [BenchGateway] })], BenchModule);

  const app = await ArmatureFactory.create(BenchModule, adapter, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  const gateway = app.get(BenchGateway);
  serve({
    connections: () => gateway.server.clients.size,
    broadcast: (seq) => gateway.server.emit('tick', { seq }),
  });
}

module.exports = { createBenchModule };

import './extension';

// Gateways
export { WebSocketGateway } from './decorators/web-socket-gateway.decorator';
export { SubscribeMessage } from './decorators/subscribe-message.decorator';
export { MessageBody, ConnectedSocket } from './decorators/param.decorators';
export { WebSocketServer } from './decorators/web-socket-server.decorator';
export type { OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, WsResponse } from './interfaces/gateway-hooks';
export type { GatewayOptions, BackpressureOptions, BackpressurePolicy } from './interfaces/gateway-options';

// Clients, server, rooms
export { WsClient, type WsHandshake } from './server/ws-client';
export { WsServer } from './server/ws-server';
export { BroadcastOperator } from './server/broadcast-operator';

// Errors
export { WsException } from './errors/ws-exception';
export { BaseWsExceptionFilter } from './errors/base-ws-exception-filter';
export type { WsErrorPayload } from './errors/exception-payload';

// Scale-out
export type { BroadcastBus, BroadcastEnvelope } from './scale/broadcast-bus';
export { RedisWsAdapter, type RedisWsAdapterOptions } from './scale/redis-ws-adapter';
export { WorkerThreadsWsAdapter, type WorkerThreadsWsAdapterOptions } from './scale/worker-threads-ws-adapter';

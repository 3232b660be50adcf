import type { ArmatureRequest } from '@armature/core';

/** `afterInit(server)`: the gateway's route is open (before the HTTP server listens). */
export interface OnGatewayInit<TServer = any> {
  afterInit(server: TServer): unknown;
}

/** `handleConnection(client, request)`: a client connected; `request` is its upgrade request. */
export interface OnGatewayConnection<TClient = any> {
  handleConnection(client: TClient, request: ArmatureRequest): unknown;
}

/**
 * `handleDisconnect(client)`: the client is gone. Rooms no longer count it, but `client.rooms`
 * still lists the rooms it was in, to tell them.
 */
export interface OnGatewayDisconnect<TClient = any> {
  handleDisconnect(client: TClient): unknown;
}

/** A handler's return value sent as is: `{ event, data }`. Other values are sent as `{ event: <incoming event>, data: value }`. */
export interface WsResponse<T = any> {
  event: string;
  data: T;
}

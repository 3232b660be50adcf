// Reflect-metadata keys of the gateway decorators (Armature's own keys, as in core).
export const GATEWAY_METADATA = 'armature:ws-gateway';
/** On the class: every `@SubscribeMessage` method, as `{ event, methodName }`. */
export const MESSAGE_MAPPINGS_METADATA = 'armature:ws-messages';
/** On the class, per method: the `@MessageBody()` / `@ConnectedSocket()` parameters. */
export const WS_PARAMS_METADATA = 'armature:ws-params';
/** On the class: the properties `@WebSocketServer()` fills. */
export const WS_SERVER_PROPERTIES_METADATA = 'armature:ws-server-properties';

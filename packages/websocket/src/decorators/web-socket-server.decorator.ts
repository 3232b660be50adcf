import { WS_SERVER_PROPERTIES_METADATA } from '../metadata-keys';

/** Fills the property with the gateway's `WsServer` before `afterInit`. */
export function WebSocketServer(): PropertyDecorator {
  return (target, key) => {
    const type = target.constructor;
    const known: Array<string | symbol> = Reflect.getMetadata(WS_SERVER_PROPERTIES_METADATA, type) ?? [];
    Reflect.defineMetadata(WS_SERVER_PROPERTIES_METADATA, [...known, key], type);
  };
}

export function serverPropertiesOf(type: Function): ReadonlyArray<string | symbol> {
  return (Reflect.getMetadata(WS_SERVER_PROPERTIES_METADATA, type) as Array<string | symbol> | undefined) ?? [];
}

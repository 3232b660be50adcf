import { MESSAGE_MAPPINGS_METADATA } from '../metadata-keys';

export interface MessageMapping {
  readonly event: string;
  readonly methodName: string;
}

/** Maps messages whose `event` is `event` to this method. */
export function SubscribeMessage(event: string): MethodDecorator {
  return (target, key) => {
    const type = target.constructor;
    const own: MessageMapping[] = Reflect.getOwnMetadata(MESSAGE_MAPPINGS_METADATA, type) ?? [...(Reflect.getMetadata(MESSAGE_MAPPINGS_METADATA, type) ?? [])];
    Reflect.defineMetadata(MESSAGE_MAPPINGS_METADATA, [...own, { event, methodName: String(key) }], type);
  };
}

export function messageMappingsOf(type: Function): readonly MessageMapping[] {
  return (Reflect.getMetadata(MESSAGE_MAPPINGS_METADATA, type) as MessageMapping[] | undefined) ?? [];
}

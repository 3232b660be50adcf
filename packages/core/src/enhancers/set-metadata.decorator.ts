/** Attaches `value` under `key` to a controller class or a handler, for guards to read with `Reflector`. */
export function SetMetadata<K = string, V = unknown>(metadataKey: K, metadataValue: V): ClassDecorator & MethodDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    Reflect.defineMetadata(metadataKey, metadataValue, descriptor === undefined ? target : (descriptor.value as object));
    return descriptor;
  }) as ClassDecorator & MethodDecorator;
}

import { VERSION_METADATA } from './metadata-keys';
import type { VersionValue } from './controller.decorator';

/** Sets the version of one route, overriding its controller's (`@Version('2')`). */
export function Version(version: VersionValue): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(VERSION_METADATA, version, descriptor.value as object);
    return descriptor;
  };
}

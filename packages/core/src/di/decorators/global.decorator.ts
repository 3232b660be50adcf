import 'reflect-metadata';
import { GLOBAL_MODULE_METADATA } from '../metadata-keys';

/** Makes a module's exports visible in every module, without importing it (it must still be imported once). */
export function Global(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(GLOBAL_MODULE_METADATA, true, target);
  };
}

export function isGlobalModule(type: Function): boolean {
  return Reflect.getMetadata(GLOBAL_MODULE_METADATA, type) === true;
}

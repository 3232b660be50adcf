import 'reflect-metadata';
import { InvalidModuleError } from '../errors';
import { MODULE_METADATA } from '../metadata-keys';
import type { ModuleMetadata } from '../module.types';

const MODULE_KEYS = new Set<string>(['imports', 'controllers', 'providers', 'exports']);

/** Declares a module: its imports, controllers, providers and the exports other modules may see. */
export function Module(metadata: ModuleMetadata = {}): ClassDecorator {
  const unknownKey = Object.keys(metadata).find((key) => !MODULE_KEYS.has(key));
  if (unknownKey !== undefined) {
    throw new InvalidModuleError(
      `Invalid property "${unknownKey}" passed into the @Module() decorator. Allowed: ${[...MODULE_KEYS].join(', ')}.`,
    );
  }
  return (target) => {
    Reflect.defineMetadata(MODULE_METADATA, metadata, target);
  };
}

export function getModuleMetadata(type: Function): ModuleMetadata | undefined {
  return Reflect.getMetadata(MODULE_METADATA, type) as ModuleMetadata | undefined;
}

import { Injectable } from '../di';
import type { Scope } from '../di';
import { CONTROLLER_METADATA } from './metadata-keys';

export type VersionValue = string | typeof VERSION_NEUTRAL | Array<string | typeof VERSION_NEUTRAL>;

/** A controller or route with this version answers whatever version was asked for. */
export const VERSION_NEUTRAL = Symbol('VERSION_NEUTRAL');

export interface ControllerOptions {
  path?: string | string[];
  /** Only answer requests whose Host matches (`'api.example.com'`, `':tenant.example.com'`, a RegExp). */
  host?: string | RegExp | Array<string | RegExp>;
  version?: VersionValue;
  scope?: Scope;
}

export interface ControllerMetadata {
  paths: string[];
  host?: Array<string | RegExp>;
  version?: VersionValue;
}

/** Marks a class as a controller: `@Controller('cats')`, `@Controller({ path, host, version })`. */
export function Controller(prefixOrOptions?: string | string[] | ControllerOptions): ClassDecorator {
  const options: ControllerOptions =
    typeof prefixOrOptions === 'string' || Array.isArray(prefixOrOptions)
      ? { path: prefixOrOptions }
      : (prefixOrOptions ?? {});
  const metadata: ControllerMetadata = {
    paths: options.path === undefined ? ['/'] : ([] as string[]).concat(options.path),
    host: options.host === undefined ? undefined : ([] as Array<string | RegExp>).concat(options.host),
    version: options.version,
  };
  return (target) => {
    Reflect.defineMetadata(CONTROLLER_METADATA, metadata, target);
    Injectable(options.scope === undefined ? undefined : { scope: options.scope })(target);
  };
}

import type pino from 'pino';

let loaded: typeof pino | undefined;

/**
 * pino, required on first use rather than when `@armature/core` loads: an application that never
 * builds a request logger does not pay for loading it.
 */
export function loadPino(): typeof pino {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('pino') as typeof pino;
  return loaded;
}

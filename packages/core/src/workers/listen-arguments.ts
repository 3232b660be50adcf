import type { WorkersOptions } from './worker-options';

/** Options of `app.listen(port, [host], options, [callback])`. */
export type ApplicationListenOptions = Partial<WorkersOptions>;

export type ListenArgument = string | (() => void) | ApplicationListenOptions | undefined;

/** `listen(port, host?, options?, callback?)`, each part optional, told apart by type. */
export function parseListenArguments(args: readonly ListenArgument[]): { host?: string; callback?: () => void; options?: ApplicationListenOptions } {
  const parsed: { host?: string; callback?: () => void; options?: ApplicationListenOptions } = {};
  for (const arg of args) {
    if (typeof arg === 'string') parsed.host = arg;
    else if (typeof arg === 'function') parsed.callback = arg;
    else if (typeof arg === 'object' && arg !== null) parsed.options = arg;
  }
  return parsed;
}

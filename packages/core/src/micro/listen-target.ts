import type { WorkersOptions } from '../workers/worker-options';

/** Where `App.run()` listens: `'0.0.0.0:8080'`, `'[::1]:8080'`, `':8080'`, `8080`, or an object. */
export type ListenTarget = string | number | ListenOptions;

/**
 * `{ port, host }`, plus worker mode: `{ port, workers: 'auto' | n }` serves from one copy of the
 * app per worker (threads on uWS, processes on node), through core's worker mode
 * (docs/workers.md); `entry`, `pin` and `restart` are passed to it.
 */
export interface ListenOptions extends Partial<WorkersOptions> {
  /** 0 picks a free port. */
  readonly port: number;
  /** Default: every interface (the adapter's default). */
  readonly host?: string;
}

/** Reads a listen target; throws a TypeError naming what is wrong with it. */
export function parseListenTarget(target: ListenTarget): ListenOptions {
  if (typeof target === 'number') return { port: checkedPort(target, target) };
  if (typeof target === 'string') {
    if (/^\d+$/.test(target)) return { port: checkedPort(Number(target), target) };
    const colon = target.lastIndexOf(':');
    if (colon === -1) throw new TypeError(`run('${target}'): expected 'host:port', ':port' or a port number`);
    const portText = target.slice(colon + 1);
    if (!/^\d+$/.test(portText)) throw new TypeError(`run('${target}'): the port must be a number`);
    let host = target.slice(0, colon);
    if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1); // [::1]:8080
    return { port: checkedPort(Number(portText), target), host: host === '' ? undefined : host };
  }
  if (target !== null && typeof target === 'object') {
    const workers = target.workers;
    if (workers !== undefined && workers !== 'auto' && (!Number.isInteger(workers) || workers < 1)) {
      throw new TypeError(`run({ workers: ${JSON.stringify(workers)} }): workers must be 'auto' or a positive integer`);
    }
    return { ...target, port: checkedPort(target.port, target.port) };
  }
  throw new TypeError(`run(): expected 'host:port', a port number or { port, host }, got ${target === null ? 'null' : typeof target}`);
}

function checkedPort(port: number, given: unknown): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`run(${JSON.stringify(given)}): the port must be an integer from 0 to 65535`);
  return port;
}

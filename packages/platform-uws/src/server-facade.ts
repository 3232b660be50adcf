import { EventEmitter } from 'node:events';
import type { NodeLikeServer } from '@armature/core';

export interface BoundAddress {
  address: string;
  family: string;
  port: number;
}

/** What the facade drives: the adapter's synchronous bind, its address and its graceful close. */
export interface ListenTarget {
  /** Binds at once; throws when the port cannot be bound. */
  bind(port: number, host: string | undefined): BoundAddress;
  address(): BoundAddress | null;
  close(): Promise<void>;
}

interface ListenArguments {
  port: number;
  host: string | undefined;
  callback: (() => void) | undefined;
}

function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** node's `listen` signatures: (port?, host?, backlog?, cb?), ({ port, host }, cb?), (cb?). */
export function parseListenArguments(args: readonly unknown[]): ListenArguments {
  const callback = typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as () => void) : undefined;
  const values = callback === undefined ? args : args.slice(0, -1);
  let port: unknown = values[0];
  let host: unknown = values[1];
  if (typeof port === 'object' && port !== null) {
    const options = port as { port?: unknown; host?: unknown; path?: unknown };
    if (options.path !== undefined) throw codedError('The uWS adapter cannot listen on a unix socket path', 'ERR_INVALID_ARG_VALUE');
    port = options.port;
    host = options.host;
  }
  if (port === undefined || port === null) port = 0;
  const portNumber = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof portNumber !== 'number' || !Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) {
    throw codedError(`options.port should be >= 0 and < 65536. Received ${String(port)}.`, 'ERR_SOCKET_BAD_PORT');
  }
  return { port: portNumber, host: typeof host === 'string' && host !== '' ? host : undefined, callback };
}

/**
 * A node `http.Server` look-alike bound to the uWS adapter, for supertest and NestJS-style e2e
 * tests (`request(app.getHttpServer())`). Differences from a plain EventEmitter that those tools
 * rely on: `listen` binds synchronously (supertest 7.2 reads `address().port` right after it),
 * `'listening'` and `'close'` are emitted asynchronously as node does (supertest 7.3 waits for
 * them), `address()` is null once closed, and `_handle` is set while listening (supertest closes
 * only servers it started and that still have a handle). A server started with `app.listen()`
 * reports that address, so supertest uses it and leaves it open.
 */
export class UwsServerFacade extends EventEmitter implements NodeLikeServer {
  private readonly handleToken = Object.freeze({ kind: 'uws-listen-socket' });

  constructor(private readonly target: ListenTarget) {
    super();
  }

  /** Non-null while listening, like node's native handle. */
  get _handle(): object | null {
    return this.target.address() === null ? null : this.handleToken;
  }

  get listening(): boolean {
    return this.target.address() !== null;
  }

  address(): BoundAddress | null {
    const bound = this.target.address();
    return bound === null ? null : { ...bound };
  }

  listen(...args: unknown[]): this {
    const { port, host, callback } = parseListenArguments(args);
    if (this.listening) {
      throw codedError('Listen method has been called more than once without closing.', 'ERR_SERVER_ALREADY_LISTEN');
    }
    if (callback !== undefined) this.once('listening', callback);
    try {
      this.target.bind(port, host); // emits 'listening' through announceListening()
    } catch (error) {
      process.nextTick(() => this.emit('error', error));
    }
    return this;
  }

  close(callback?: (err?: Error) => void): this {
    if (!this.listening) {
      if (callback !== undefined) {
        this.once('close', () => callback(codedError('Server is not running.', 'ERR_SERVER_NOT_RUNNING')));
      }
      process.nextTick(() => this.emit('close'));
      return this;
    }
    if (callback !== undefined) this.once('close', callback);
    this.target.close().catch((error: unknown) => this.emit('error', error)); // emits 'close' through announceClosed()
    return this;
  }

  /** @internal Called by the adapter after every successful bind. */
  announceListening(): void {
    process.nextTick(() => this.emit('listening'));
  }

  /** @internal Called by the adapter once a close completed. */
  announceClosed(): void {
    process.nextTick(() => this.emit('close'));
  }
}

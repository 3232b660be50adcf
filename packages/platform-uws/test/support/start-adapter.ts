import type { LoggerService } from '@armature/core';
import { UwsAdapter, type UwsAdapterOptions } from '../../src';
import type { FakeRouteTable } from './fake-route-table';

/** A logger that keeps what it was given, so tests can assert on reported errors. */
export class RecordingLogger implements LoggerService {
  readonly errors: unknown[][] = [];
  readonly warnings: unknown[][] = [];
  log(): void {}
  warn(...args: unknown[]): void {
    this.warnings.push(args);
  }
  error(...args: unknown[]): void {
    this.errors.push(args);
  }
}

export interface RunningAdapter {
  adapter: UwsAdapter;
  port: number;
  url: string;
  logger: RecordingLogger;
}

export interface StartOptions extends UwsAdapterOptions {
  bodyLimit?: number;
  maxHeaderSize?: number;
}

/** An initialised adapter listening on a random port of 127.0.0.1. */
export async function startAdapter(table: FakeRouteTable, options: StartOptions = {}): Promise<RunningAdapter> {
  const { bodyLimit = 1024 * 1024, maxHeaderSize = 16 * 1024, ...adapterOptions } = options;
  const logger = new RecordingLogger();
  const adapter = new UwsAdapter(adapterOptions);
  adapter.init(table, { bodyLimit, maxHeaderSize, logger });
  await adapter.listen(0, '127.0.0.1');
  const port = adapter.address()?.port as number;
  return { adapter, port, url: `http://127.0.0.1:${port}`, logger };
}

import { SilentLogger, type AdapterOptions, type LoggerService } from '@armature/core';
import { NodeAdapter, type NodeAdapterOptions } from '../../src';
import { fakeTable, type FakeRoute, type RouteRun } from './fake-table';

export interface Started {
  adapter: NodeAdapter;
  port: number;
  origin: string;
}

const running: NodeAdapter[] = [];

export const silentLogger: LoggerService = new SilentLogger();

/** Builds, inits and listens an adapter on a random port; `closeAll` (afterEach) closes it. */
export async function startAdapter(
  routes: Record<string, RouteRun | FakeRoute>,
  limits: Partial<AdapterOptions> = {},
  options: NodeAdapterOptions = {},
): Promise<Started> {
  const adapter = new NodeAdapter(options);
  adapter.init(fakeTable(routes), { bodyLimit: 1024 * 1024, maxHeaderSize: 16 * 1024, logger: silentLogger, ...limits });
  running.push(adapter);
  await adapter.listen(0, '127.0.0.1');
  const port = adapter.address()!.port;
  return { adapter, port, origin: `http://127.0.0.1:${port}` };
}

export async function closeAll(): Promise<void> {
  await Promise.all(running.splice(0).map((adapter) => adapter.close(500)));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { ArmatureFactory, type ArmatureApplication, type ArmatureApplicationOptions, type HttpServerAdapter, type ModuleImport } from '@armature/core';
import { NodeAdapter } from '@armature/platform-node';
import { UwsAdapter } from '@armature/platform-uws';

/** Every shared HTTP test runs once per adapter: behaviour must not depend on the server underneath. */
export const ADAPTERS: Array<[name: string, create: () => HttpServerAdapter]> = [
  ['uws', () => new UwsAdapter()],
  ['node', () => new NodeAdapter()],
];

export interface RunningApp {
  app: ArmatureApplication;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Creates, configures and starts an app on a random port of 127.0.0.1. */
export async function startApp(
  module: ModuleImport,
  createAdapter: () => HttpServerAdapter,
  options: ArmatureApplicationOptions = {},
  configure?: (app: ArmatureApplication) => void,
): Promise<RunningApp> {
  const app = await ArmatureFactory.create(module, createAdapter(), { logger: false, ...options });
  configure?.(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url, port: Number(new URL(url).port), close: () => app.close() };
}

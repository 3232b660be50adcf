import type { LoggerService } from '../application/logger';
import type { HttpServerAdapter } from './http-adapter';

type AdapterModule = Record<string, new () => HttpServerAdapter>;

// Loaded by name at run time: the platform packages depend on core, not the other way round.
function loadPlatform(packageName: string): AdapterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(packageName) as AdapterModule;
}

/**
 * The adapter for an application that names none: `ARMATURE_ADAPTER=uws|node`, else uWebSockets.js,
 * falling back to node:http (with one log line saying why) where the uWS binary cannot load.
 */
export function createDefaultAdapter(logger: LoggerService, env: NodeJS.ProcessEnv = process.env): HttpServerAdapter {
  const wanted = (env.ARMATURE_ADAPTER ?? 'uws').toLowerCase();
  if (wanted !== 'uws' && wanted !== 'node') {
    throw new Error(`ARMATURE_ADAPTER must be "uws" or "node", got "${env.ARMATURE_ADAPTER}"`);
  }
  if (wanted === 'uws') {
    try {
      return new (loadPlatform('@armature/platform-uws').UwsAdapter)();
    } catch (error) {
      logger.warn(`uWebSockets.js adapter unavailable (${(error as Error).message}); falling back to the node:http adapter`, 'ArmatureFactory');
    }
  }
  try {
    return new (loadPlatform('@armature/platform-node').NodeAdapter)();
  } catch (error) {
    throw new Error(
      `No HTTP adapter could be loaded: install @armature/platform-uws or @armature/platform-node (${(error as Error).message})`,
    );
  }
}

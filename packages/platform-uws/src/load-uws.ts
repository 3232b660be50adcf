import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UwsModule } from './uws-types';

const PACKAGE_NAME = '@trufflesuite/uws-js-unofficial';

/** Whether the native uWebSockets.js binary can run here, and why not when it cannot. */
export type UwsAvailability = { available: true } | { available: false; reason: string };

export type UwsLoadResult = { available: true; module: UwsModule } | { available: false; reason: string };

/** What loading depends on, injectable so that every outcome can be tested on any machine. */
export interface UwsLoadEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: string;
  readonly arch: string;
  /** `process.versions.modules`, the ABI number in the binary's file name. */
  readonly abi: string;
  readonly nodeVersion: string;
  /** The package's folder; throws when the package is not installed. */
  packageDir(): string;
  fileExists(path: string): boolean;
  load(path: string): unknown;
}

/** Thrown by the `UwsAdapter` constructor so that the core can fall back to the node adapter. */
export class UwsUnavailableError extends Error {
  readonly code = 'ARMATURE_UWS_UNAVAILABLE';

  constructor(readonly reason: string) {
    super(`uWebSockets.js cannot run here: ${reason}`);
    this.name = 'UwsUnavailableError';
  }
}

/**
 * Returns why `candidate` is not the native uWS module, or null when it is. The package's loader
 * (`src/uws.js`) silently returns a JavaScript shim when no binary matches this Node ABI or when
 * UWS_USE_FALLBACK is set; the shim exports only `App`, `_cfg`, `us_listen_socket_close` and
 * `us_socket_local_port` (no `SSLApp`, no `getParts`), and its `getQuery(key)` throws.
 */
export function describeNonNativeUws(candidate: unknown): string | null {
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) {
    return 'the module did not load as an object';
  }
  const members = candidate as Record<string, unknown>;
  const required = ['App', 'SSLApp', 'getParts', 'us_listen_socket_close', 'us_socket_local_port'];
  const missing = required.filter((name) => typeof members[name] !== 'function');
  if (missing.length === 0) return null;
  return `${PACKAGE_NAME} returned its JavaScript fallback shim instead of the native binary (missing ${missing.join(', ')})`;
}

/** Loads the native binary directly, so that a mismatch is reported instead of silently shimmed. */
export function loadUwsFrom(environment: UwsLoadEnvironment): UwsLoadResult {
  const fallbackFlag = environment.env.UWS_USE_FALLBACK;
  if (fallbackFlag !== undefined && ['true', '1'].includes(fallbackFlag.toLowerCase())) {
    return { available: false, reason: `UWS_USE_FALLBACK=${fallbackFlag} asks ${PACKAGE_NAME} for its slow JavaScript shim` };
  }

  let packageDir: string;
  try {
    packageDir = environment.packageDir();
  } catch {
    return { available: false, reason: `${PACKAGE_NAME} is not installed` };
  }

  const binaryName = `uws_${environment.platform}_${environment.arch}_${environment.abi}.node`;
  const binaryPath = join(packageDir, 'binaries', binaryName);
  if (!environment.fileExists(binaryPath)) {
    return {
      available: false,
      reason:
        `${PACKAGE_NAME} has no binary for ${environment.platform}-${environment.arch} on Node ${environment.nodeVersion} ` +
        `(ABI ${environment.abi}, looked for ${binaryName}); it would silently run its slow JavaScript shim`,
    };
  }

  let loaded: unknown;
  try {
    loaded = environment.load(binaryPath);
  } catch (error) {
    return { available: false, reason: `loading ${binaryName} failed: ${(error as Error).message}` };
  }
  const notNative = describeNonNativeUws(loaded);
  if (notNative !== null) return { available: false, reason: notNative };
  return { available: true, module: loaded as UwsModule };
}

const processEnvironment: UwsLoadEnvironment = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  abi: process.versions.modules,
  nodeVersion: process.versions.node,
  packageDir: () => dirname(require.resolve(`${PACKAGE_NAME}/package.json`)),
  fileExists: existsSync,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: (path) => require(path),
};

let loadResult: UwsLoadResult | undefined;

/** Loads uWS once per process (module registry) and remembers the outcome. */
export function loadUws(): UwsLoadResult {
  loadResult ??= loadUwsFrom(processEnvironment);
  return loadResult;
}

/** Whether the uWS adapter can run here; never throws, never prints. */
export function uwsAvailability(): UwsAvailability {
  const result = loadUws();
  return result.available ? { available: true } : { available: false, reason: result.reason };
}

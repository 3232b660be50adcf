import { dirname } from 'node:path';
import { uwsAvailability, type UwsUnavailableError } from '../src';
import { describeNonNativeUws, loadUwsFrom, type UwsLoadEnvironment } from '../src/load-uws';

const PACKAGE_DIR = dirname(require.resolve('@trufflesuite/uws-js-unofficial/package.json'));

/** This machine's environment, with the given parts replaced. */
function environment(overrides: Partial<UwsLoadEnvironment> = {}): UwsLoadEnvironment {
  return {
    env: {},
    platform: process.platform,
    arch: process.arch,
    abi: process.versions.modules,
    nodeVersion: process.versions.node,
    packageDir: () => PACKAGE_DIR,
    fileExists: () => true,
    load: (path) => require(path),
    ...overrides,
  };
}

describe('uWS loading and shim detection', () => {
  it('loads the native binary on this machine', () => {
    const result = loadUwsFrom(environment());
    expect(result.available).toBe(true);
    expect(uwsAvailability()).toEqual({ available: true });
  });

  it("recognises the package's own JavaScript fallback as a shim", () => {
    // The very module src/uws.js falls back to on Node 22+ (dist/index.js).
    const shim: unknown = require('@trufflesuite/uws-js-unofficial/dist/index.js');
    const reason = describeNonNativeUws(shim);
    expect(reason).toContain('fallback shim');
    expect(reason).toContain('SSLApp');
    expect(reason).toContain('getParts');
    expect(describeNonNativeUws(require(`${PACKAGE_DIR}/src/uws.js`))).toBeNull();
  });

  it('reports a shim returned where the binary was expected', () => {
    const result = loadUwsFrom(environment({ load: () => ({ App: () => ({}), us_listen_socket_close() {}, us_socket_local_port() {} }) }));
    expect(result).toEqual({ available: false, reason: expect.stringContaining('missing SSLApp, getParts') });
    expect(describeNonNativeUws(null)).toBe('the module did not load as an object');
  });

  it('explains a Node version without a binary (Node 22: ABI 127) instead of running the shim', () => {
    const result = loadUwsFrom(environment({ abi: '127', nodeVersion: '22.11.0', fileExists: (path) => !path.includes('_127.node') }));
    expect(result.available).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('Node 22.11.0');
    expect(reason).toContain('ABI 127');
    expect(reason).toContain(`uws_${process.platform}_${process.arch}_127.node`);
  });

  it('reports a binary that fails to load, the fallback flag, and a missing package', () => {
    const broken = loadUwsFrom(
      environment({
        load: () => {
          throw new Error("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found");
        },
      }),
    );
    expect(broken).toEqual({ available: false, reason: expect.stringContaining('GLIBC_2.38') });
    expect(loadUwsFrom(environment({ env: { UWS_USE_FALLBACK: 'TRUE' } }))).toEqual({
      available: false,
      reason: expect.stringContaining('UWS_USE_FALLBACK=TRUE'),
    });
    const missing = loadUwsFrom(
      environment({
        packageDir: () => {
          throw new Error('Cannot find module');
        },
      }),
    );
    expect(missing).toEqual({ available: false, reason: '@trufflesuite/uws-js-unofficial is not installed' });
  });

  it('imports without loading uWS, and the constructor throws a clear error when the binary is missing', () => {
    jest.isolateModules(() => {
      jest.doMock('node:fs', () => ({ ...jest.requireActual<typeof import('node:fs')>('node:fs'), existsSync: () => false }));
      const isolated = require('../src') as typeof import('../src');
      expect(isolated.uwsAvailability()).toEqual({ available: false, reason: expect.stringContaining('has no binary') });
      let thrown: unknown;
      try {
        new isolated.UwsAdapter();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(isolated.UwsUnavailableError);
      expect((thrown as UwsUnavailableError).code).toBe('ARMATURE_UWS_UNAVAILABLE');
      expect((thrown as Error).message).toMatch(/^uWebSockets\.js cannot run here: .*has no binary/);
    });
    jest.dontMock('node:fs');
  });
});

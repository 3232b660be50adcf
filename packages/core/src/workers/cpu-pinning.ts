/** The `@armature/cpu-affinity` addon (optional dependency, built from source at install). */
interface CpuAffinityAddon {
  setAffinity(cpus: readonly number[]): void;
  getAffinity(): number[];
  currentCpu(): number;
}

export type CpuAffinityLoad = { available: true; addon: CpuAffinityAddon } | { available: false; reason: string };

const ADDON = '@armature/cpu-affinity';
let loaded: CpuAffinityLoad | undefined;

/** Loads the addon once per thread; never throws. */
export function loadCpuAffinity(load: (name: string) => unknown = require): CpuAffinityLoad {
  if (loaded !== undefined) return loaded;
  try {
    loaded = { available: true, addon: load(ADDON) as CpuAffinityAddon };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'MODULE_NOT_FOUND' ? `${ADDON} is not installed` : (error as Error).message;
    loaded = { available: false, reason };
  }
  return loaded;
}

/**
 * The CPU each worker gets: the CPUs this process may use (its affinity mask, e.g. under `taskset`
 * or a container's cpuset), handed out in turn.
 */
export function planCpus(workerCount: number, allowed: readonly number[]): number[] {
  if (allowed.length === 0) return [];
  return Array.from({ length: workerCount }, (_, i) => allowed[i % allowed.length]);
}

/** Pins the calling thread; returns why it could not, or undefined once pinned. */
export function pinCurrentThread(cpu: number): string | undefined {
  const affinity = loadCpuAffinity();
  if (!affinity.available) return affinity.reason;
  try {
    affinity.addon.setAffinity([cpu]);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

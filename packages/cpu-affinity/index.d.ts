/** Restricts the calling thread (not the whole process) to these CPUs. Throws on an invalid set. */
export function setAffinity(cpus: readonly number[]): void;
/** The CPUs the calling thread may run on. */
export function getAffinity(): number[];
/** The CPU the calling thread runs on at this moment. */
export function currentCpu(): number;

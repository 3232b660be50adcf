import type { DataKey } from '../wrap/http-request';

/** One `.data(...)` entry: the key `req.data(key)` finds it by, and the value. */
export interface DataEntry {
  readonly key: DataKey;
  readonly value: unknown;
}

/**
 * Reads `.data(value)` / `.data(key, value)` arguments. A lone value is keyed by its class
 * (`data(new Db())` → `req.data(Db)`); a plain object or a primitive has no class worth keying
 * by, so it needs an explicit key.
 */
export function dataEntryOf(args: readonly unknown[], where: string): DataEntry {
  if (args.length >= 2) {
    const key = args[0];
    if (typeof key !== 'function' && typeof key !== 'string' && typeof key !== 'symbol') {
      throw new TypeError(`${where}.data(key, value): the key must be a class, a string or a symbol, got ${key === null ? 'null' : typeof key}`);
    }
    return { key: key as DataKey, value: args[1] };
  }
  const value = args[0];
  const type = value !== null && typeof value === 'object' ? (value as object).constructor : undefined;
  if (type === undefined || type === Object) {
    throw new TypeError(
      `${where}.data(value) keys the value by its class, and ${describe(value)} has none: pass a key, e.g. .data('config', value) or .data(Config, value)`,
    );
  }
  return { key: type as DataKey, value };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a plain object';
  return `a ${typeof value}`;
}

const MISSING = Symbol('missing');

/**
 * The `req.data(key)` of one route, built once: the route's own entries (inner scopes win over
 * outer ones, scopes over the app), then the DI container, whose answer is cached here per key,
 * so a request costs one Map lookup, not a container walk. Failed lookups are not cached: the
 * container throws an error naming the missing provider each time.
 */
export function dataLookup(entries: readonly DataEntry[], fallback: (key: DataKey) => unknown): (key: DataKey) => unknown {
  const known = new Map<DataKey, unknown>();
  for (const entry of entries) known.set(entry.key, entry.value); // later (inner) entries win
  return (key) => {
    const value = known.get(key) ?? (known.has(key) ? undefined : MISSING);
    if (value !== MISSING) return value;
    const resolved = fallback(key);
    known.set(key, resolved);
    return resolved;
  };
}

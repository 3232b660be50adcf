import type { DynamicModule } from './module.types';

const identities = new WeakMap<object, number>();
const symbolIdentities = new Map<symbol, number>();
let lastIdentity = 0;

function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}

function symbolIdentity(value: symbol): number {
  let id = symbolIdentities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    symbolIdentities.set(value, id);
  }
  return id;
}

/**
 * Identifies a dynamic module's metadata: two imports of the same class with structurally equal metadata are
 * one module; anything else is a separate module instance. Plain objects, arrays and primitives compare by
 * content; functions, classes and other objects by reference. (NestJS compares functions by source text, which
 * merges forRoot() calls whose factories close over different options.)
 */
export function dynamicModuleKey(dynamic: DynamicModule): string {
  const { module: _module, ...metadata } = dynamic;
  if (Object.keys(metadata).length === 0) return STATIC_MODULE_KEY;
  return fingerprint(metadata, new Set());
}

/** A class imported as-is (same as a dynamic module carrying nothing but `module`). */
export const STATIC_MODULE_KEY = 'static';

function fingerprint(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return `${typeof value}:${String(value)}`;
    case 'symbol':
      return `symbol#${symbolIdentity(value)}`;
    case 'function':
      return `function#${identityOf(value)}`;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) return `cycle#${identityOf(object)}`;
  const prototype = Object.getPrototypeOf(object) as object | null;
  const isPlain = Array.isArray(object) || prototype === Object.prototype || prototype === null;
  if (!isPlain) return `object#${identityOf(object)}`;
  ancestors.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((item) => fingerprint(item, ancestors)).join(',')}]`;
    const record = object as Record<PropertyKey, unknown>;
    const stringKeys = Object.keys(record).sort();
    const parts = stringKeys.map((key) => `${JSON.stringify(key)}:${fingerprint(record[key], ancestors)}`);
    for (const key of Object.getOwnPropertySymbols(record)) parts.push(`symbol#${symbolIdentity(key)}:${fingerprint(record[key], ancestors)}`);
    return `{${parts.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

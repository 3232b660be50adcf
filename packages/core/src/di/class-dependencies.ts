import 'reflect-metadata';
import type { PropertyDependencyMetadata } from './decorators/property-dependencies';
import { INJECT_PARAMS_METADATA, OPTIONAL_PARAMS_METADATA, PROPERTY_DEPS_METADATA } from './metadata-keys';

/** A constructor parameter as declared: `token` is raw (a class, string, symbol, forwardRef, or undefined). */
export interface ParameterDependency {
  readonly index: number;
  readonly token: unknown;
  readonly optional: boolean;
}

export interface PropertyDependency {
  readonly key: string | symbol;
  readonly token: unknown;
  readonly optional: boolean;
}

export interface ClassDependencies {
  readonly params: readonly ParameterDependency[];
  readonly properties: readonly PropertyDependency[];
}

/** Where tsyringe's `@inject()` records its parameter tokens (as `{ token, multiple, isOptional }` descriptors). */
const TSYRINGE_TOKENS_METADATA = 'injectionTokens';

// Reflection runs once per class; per-request resolution only reads the linked result.
const cache = new WeakMap<Function, ClassDependencies>();

export function getClassDependencies(type: Function): ClassDependencies {
  let dependencies = cache.get(type);
  if (!dependencies) {
    dependencies = { params: readConstructorParams(type), properties: readProperties(type) };
    cache.set(type, dependencies);
  }
  return dependencies;
}

function readConstructorParams(type: Function): ParameterDependency[] {
  const declaring = classDeclaringConstructor(type);
  if (!declaring) return [];
  const designTypes = (Reflect.getOwnMetadata('design:paramtypes', declaring) as unknown[] | undefined) ?? [];
  const injected = (Reflect.getOwnMetadata(INJECT_PARAMS_METADATA, declaring) as Record<number, unknown> | undefined) ?? {};
  const tsyringeTokens = (Reflect.getOwnMetadata(TSYRINGE_TOKENS_METADATA, declaring) as Record<number, unknown> | undefined) ?? {};
  const optional = new Set((Reflect.getOwnMetadata(OPTIONAL_PARAMS_METADATA, declaring) as number[] | undefined) ?? []);
  const declaredIndexes = [...Object.keys(injected), ...Object.keys(tsyringeTokens)].map(Number);
  const count = Math.max(designTypes.length, ...declaredIndexes.map((index) => index + 1), ...[...optional].map((index) => index + 1));
  const params: ParameterDependency[] = [];
  for (let index = 0; index < count; index++) {
    if (index in injected) {
      params.push({ index, token: injected[index], optional: optional.has(index) });
      continue;
    }
    // tsyringe's injectable() copies its descriptors into design:paramtypes slots, so both places may hold one.
    const tsyringe = tsyringeDescriptor(index in tsyringeTokens ? tsyringeTokens[index] : designTypes[index]);
    if (tsyringe) {
      params.push({ index, token: tsyringe.token, optional: optional.has(index) || tsyringe.isOptional === true });
      continue;
    }
    params.push({ index, token: designTypes[index], optional: optional.has(index) });
  }
  return params;
}

interface TsyringeDescriptor {
  token: unknown;
  isOptional?: boolean;
}

function tsyringeDescriptor(value: unknown): TsyringeDescriptor | undefined {
  if (typeof value === 'object' && value !== null && 'token' in value && ('multiple' in value || 'transform' in value)) {
    return value as TsyringeDescriptor;
  }
  if (typeof value === 'string' || typeof value === 'symbol') return { token: value };
  return undefined;
}

/**
 * The constructor is inherited until a class declares its own; decorator metadata tells us which class did
 * (a decorated class with a constructor gets its own `design:paramtypes`).
 */
function classDeclaringConstructor(type: Function): Function | undefined {
  for (let current: Function | null = type; isUserClass(current); current = Object.getPrototypeOf(current) as Function | null) {
    if (
      Reflect.hasOwnMetadata('design:paramtypes', current) ||
      Reflect.hasOwnMetadata(INJECT_PARAMS_METADATA, current) ||
      Reflect.hasOwnMetadata(TSYRINGE_TOKENS_METADATA, current) ||
      Reflect.hasOwnMetadata(OPTIONAL_PARAMS_METADATA, current)
    ) {
      return current;
    }
  }
  return undefined;
}

function readProperties(type: Function): PropertyDependency[] {
  const chain: Function[] = [];
  for (let current: Function | null = type; isUserClass(current); current = Object.getPrototypeOf(current) as Function | null) {
    chain.unshift(current);
  }
  // Parent first, so a subclass redeclaring a property replaces the parent's record.
  const byKey = new Map<string | symbol, PropertyDependency>();
  for (const owner of chain) {
    const records = (Reflect.getOwnMetadata(PROPERTY_DEPS_METADATA, owner) as PropertyDependencyMetadata[] | undefined) ?? [];
    for (const record of records) {
      if (record.hasInject) byKey.set(record.key, { key: record.key, token: record.token, optional: record.optional });
    }
  }
  return [...byKey.values()];
}

function isUserClass(value: Function | null): value is Function {
  return typeof value === 'function' && value !== Function.prototype;
}

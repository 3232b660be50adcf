import { PROPERTY_DEPS_METADATA } from '../metadata-keys';

/** One `@Inject()`/`@Optional()` property of a class, as its decorators recorded it. */
export interface PropertyDependencyMetadata {
  key: string | symbol;
  /** The @Inject() token, or the property's `design:type` when @Inject() had none. */
  token?: unknown;
  hasInject: boolean;
  optional: boolean;
}

/** Merges `change` into the record for `key` declared on `type` itself (the parent's records stay untouched). */
export function updatePropertyDependency(
  type: Function,
  key: string | symbol,
  change: Partial<Omit<PropertyDependencyMetadata, 'key'>>,
): void {
  const own = (Reflect.getOwnMetadata(PROPERTY_DEPS_METADATA, type) as PropertyDependencyMetadata[] | undefined) ?? [];
  const existing = own.find((record) => record.key === key) ?? { key, hasInject: false, optional: false };
  const updated = { ...existing, ...change };
  Reflect.defineMetadata(PROPERTY_DEPS_METADATA, [...own.filter((record) => record.key !== key), updated], type);
}

import type { Type as TypeBuilder } from '@sinclair/typebox';

// TypeBox's builder is re-exported as `t`, not `Type`: core already exports NestJS's `Type<T>`
// (a class type), and both names in one `export *` would be ambiguous. `import { Type } from
// '@sinclair/typebox'` gives the very same builder.
export type { Static, TSchema } from '@sinclair/typebox';

type Builder = typeof TypeBuilder;

let builder: Builder | undefined;

/** TypeBox is ~200 files (tens of ms to load): it is required on the first use of `t`, not at import. */
function load(): Builder {
  builder ??= (require('@sinclair/typebox') as { Type: Builder }).Type;
  return builder;
}

/**
 * TypeBox's `Type` builder, loaded on first use: `t.Object({ id: t.Integer() })`. Every operation
 * on `t` is forwarded to the real builder, so it behaves as that object (keys, `in`, spreading).
 */
export const t: Builder = new Proxy({} as Builder, {
  get: (_target, key) => Reflect.get(load(), key),
  has: (_target, key) => Reflect.has(load(), key),
  ownKeys: () => Reflect.ownKeys(load()),
  // The builder's properties are configurable getters; the proxy's empty target must not be
  // claimed to hold non-configurable ones, so the descriptor is reported as configurable.
  getOwnPropertyDescriptor: (_target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
});

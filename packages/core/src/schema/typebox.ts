// TypeBox's builder is re-exported as `t`, not `Type`: core already exports NestJS's `Type<T>`
// (a class type), and both names in one `export *` would be ambiguous. `import { Type } from
// '@sinclair/typebox'` gives the very same builder.
export { Type as t } from '@sinclair/typebox';
export type { Static, TSchema } from '@sinclair/typebox';

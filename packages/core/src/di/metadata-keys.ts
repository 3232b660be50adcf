/*
 * Armature's reflect-metadata keys. They are namespaced and separate from `design:paramtypes` because
 * tsyringe's `@inject()`/`injectable()` rewrite slots of `design:paramtypes` in place.
 */

/** `{ scope }` of an @Injectable() or @Controller() class. */
export const SCOPE_OPTIONS_METADATA = 'armature:scope';
/** Set by @Injectable(). */
export const INJECTABLE_METADATA = 'armature:injectable';
/** `Record<paramIndex, token>` from @Inject() on constructor parameters. */
export const INJECT_PARAMS_METADATA = 'armature:inject';
/** `number[]` of constructor parameter indexes marked @Optional(). */
export const OPTIONAL_PARAMS_METADATA = 'armature:optional';
/** `PropertyDependencyMetadata[]` from @Inject()/@Optional() on properties. */
export const PROPERTY_DEPS_METADATA = 'armature:property-deps';
/** The object passed to @Module(). */
export const MODULE_METADATA = 'armature:module';
/** Set by @Global(). */
export const GLOBAL_MODULE_METADATA = 'armature:global';

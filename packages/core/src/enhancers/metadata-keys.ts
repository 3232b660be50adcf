// Reflect-metadata keys of the enhancer decorators (on a controller class or a handler function).
export const GUARDS_METADATA = 'armature:guards';
export const INTERCEPTORS_METADATA = 'armature:interceptors';
export const PIPES_METADATA = 'armature:pipes';
export const FILTERS_METADATA = 'armature:filters';
export const CATCH_METADATA = 'armature:catch';

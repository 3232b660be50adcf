// Reflect-metadata keys for the HTTP decorators. Armature keeps its own keys (never tsyringe's or
// `design:*` slots) so that third-party decorators cannot overwrite them.
export const CONTROLLER_METADATA = 'armature:controller';
export const ROUTE_METADATA = 'armature:route';
export const ROUTE_ARGS_METADATA = 'armature:route-args';
export const HTTP_CODE_METADATA = 'armature:http-code';
export const RESPONSE_HEADERS_METADATA = 'armature:response-headers';
export const REDIRECT_METADATA = 'armature:redirect';
export const VERSION_METADATA = 'armature:version';

// Schema metadata lives under its own keys, next to (never inside) the route metadata, so that
// an OpenAPI generator can read it without knowing anything else about a route.
export const ROUTE_SCHEMA_METADATA = 'armature:route-schema';
export const DTO_SCHEMA_METADATA = 'armature:dto-schema';

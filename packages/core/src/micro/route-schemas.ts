import { compileRouteSchemas, type CompiledRouteSchemas } from '../schema/compile-route-schemas';
import { getRouteSchema, Schema, type RouteSchema } from '../schema/schema.decorator';
import type { MicroSchema } from './route-types';

export interface MicroRouteSchemas {
  /** The declared schemas, as `getRoutes()` and an OpenAPI generator read them. */
  readonly declared: RouteSchema;
  readonly compiled: CompiledRouteSchemas;
}

/**
 * Compiles a micro route's schemas with the very code decorator routes use (`@Schema`'s checks,
 * ajv with coercion for params/query/headers, fast-json-stringify serializers, response checks
 * outside production). The metadata is stored on a function made for this route, never on the
 * user's handler, which may serve several routes with different schemas.
 */
export function compileMicroSchemas(schema: MicroSchema | undefined, method: string, path: string, defaultStatus: number): MicroRouteSchemas | undefined {
  if (schema === undefined) return undefined;
  const routeName = `${method === 'ALL' ? 'ANY' : method} ${path}`;
  const holder = { [routeName]: function () {} }[routeName];
  // `@Schema` names its target in errors as `<constructor name>.<key>`: "route GET /users.schema".
  const target = { constructor: { name: `route ${routeName}` } } as unknown as object;
  Schema(schema)(target, 'schema', { value: holder });
  const declared = getRouteSchema(holder) as RouteSchema;
  const compiled = compileRouteSchemas({ handler: holder, method, defaultStatus, routeName: `${routeName} (micro)` });
  return compiled === undefined ? undefined : { declared, compiled };
}

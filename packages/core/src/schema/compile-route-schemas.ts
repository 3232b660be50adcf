import { compileValidator } from './compile-validator';
import { getDtoSchema } from './dto-schema.decorator';
import { prepareHeaderSchema } from './header-schema';
import { headersValidator, inputValidator, type InputValidator } from './input-validators';
import type { JsonSchema } from './json-schema';
import { responseSerializer, type ResponseSerializer } from './response-serializers';
import { getRouteSchema, type RouteSchema } from './schema.decorator';

export interface CompileRouteSchemasInput {
  /** The route's method function (where `@Schema` stored its metadata). */
  readonly handler: Function;
  /** Upper-case HTTP method, for messages. */
  readonly method: string;
  /** The status a successful call answers with (200, 201 for POST, `@HttpCode`'s). */
  readonly defaultStatus: number;
  /** `design:paramtypes` type of the whole-body `@Body()` parameter: a DTO class with a schema validates the body. */
  readonly bodyMetatype?: Function;
  /** Same for a whole-query `@Query()` parameter. */
  readonly queryMetatype?: Function;
  /** Names the route in boot errors and response-mismatch logs, e.g. `POST /cats (CatsController#create)`. */
  readonly routeName?: string;
  /** Validate responses before serializing them. Default: on unless `NODE_ENV === 'production'`. */
  readonly checkResponses?: boolean;
}

/** The schemas a route ends up with: `@Schema`'s, a DTO's body or query schema, responses by status. */
export interface ResolvedRouteSchemas {
  readonly params?: JsonSchema;
  readonly query?: JsonSchema;
  readonly headers?: JsonSchema;
  readonly body?: JsonSchema;
  readonly responses: Readonly<Record<number, JsonSchema>>;
}

export interface CompiledRouteSchemas {
  readonly schemas: ResolvedRouteSchemas;
  /** Each returns the coerced value (the object passed in, changed in place) or throws a 400 `BadRequestException`. */
  readonly validateParams?: InputValidator;
  readonly validateQuery?: InputValidator;
  /** Returns a coerced copy; `request.headers` itself is left as strings. */
  readonly validateHeaders?: InputValidator;
  readonly validateBody?: InputValidator;
  /** Headers the adapter must copy for `validateHeaders` (lower-case), or `'all'`; empty without a headers schema. */
  readonly headerNames: readonly string[] | 'all';
  /** fast-json-stringify serializer for a status with a schema, else undefined (use JSON.stringify). */
  serializerFor(status: number): ResponseSerializer | undefined;
}

/**
 * Compiles every schema of one route, once, at boot. Returns undefined when the route declares
 * none, so that a route without schemas pays nothing. Throws `SchemaCompileError` (naming the
 * route and the part) for a schema ajv or fast-json-stringify cannot compile.
 */
export function compileRouteSchemas(input: CompileRouteSchemasInput): CompiledRouteSchemas | undefined {
  const declared = getRouteSchema(input.handler);
  const route = input.routeName ?? `${input.method} ${input.handler.name}`;
  const schemas = resolveSchemas(declared, input, route);
  const hasResponses = Object.keys(schemas.responses).length > 0;
  if (!hasResponses && !schemas.params && !schemas.query && !schemas.headers && !schemas.body) return undefined;

  const check = input.checkResponses ?? process.env.NODE_ENV !== 'production';
  const serializers = new Map<number, ResponseSerializer>();
  for (const [status, schema] of Object.entries(schemas.responses)) {
    serializers.set(Number(status), responseSerializer(schema, { route, status: Number(status), check }));
  }
  const headers = schemas.headers === undefined ? undefined : prepareHeaderSchema(schemas.headers);

  return Object.freeze({
    schemas,
    validateParams: schemas.params && inputValidator(compileValidator(schemas.params, 'coerce', route, 'params'), 'params'),
    validateQuery: schemas.query && inputValidator(compileValidator(schemas.query, 'coerce', route, 'query'), 'query'),
    validateHeaders: headers && headersValidator(compileValidator(headers.schema, 'coerce', route, 'headers')),
    validateBody: schemas.body && inputValidator(compileValidator(schemas.body, 'input', route, 'body'), 'body'),
    headerNames: headers?.headerNames ?? [],
    serializerFor: (status: number) => serializers.get(status),
  });
}

/** `@Schema`'s parts win over a DTO's: the route is the more specific declaration. */
function resolveSchemas(declared: RouteSchema | undefined, input: CompileRouteSchemasInput, route: string): ResolvedRouteSchemas {
  const responses: Record<number, JsonSchema> = { ...declared?.responses };
  if (declared?.successResponse !== undefined) {
    if (responses[input.defaultStatus] !== undefined) {
      throw new TypeError(`${route}: the response schema without a status and the one for ${input.defaultStatus} describe the same response`);
    }
    responses[input.defaultStatus] = declared.successResponse;
  }
  return Object.freeze({
    params: declared?.params,
    query: declared?.query ?? getDtoSchema(input.queryMetatype),
    headers: declared?.headers,
    body: declared?.body ?? getDtoSchema(input.bodyMetatype),
    responses: Object.freeze(responses),
  });
}

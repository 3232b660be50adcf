import 'reflect-metadata';
import { HttpException } from '../../src/exceptions';
import { Schema, compileRouteSchemas, type CompileRouteSchemasInput, type CompiledRouteSchemas, type RouteSchemaSpec } from '../../src/schema';

/** A handler decorated with `@Schema(spec)`, the way a controller method would be. */
export function handlerWith(spec: RouteSchemaSpec): Function {
  class Fixture {
    @Schema(spec)
    handle(): void {}
  }
  return Fixture.prototype.handle;
}

/** Compiles `@Schema(spec)` as the pipeline does at boot; fails the test if nothing was compiled. */
export function compiled(spec: RouteSchemaSpec, input: Partial<CompileRouteSchemasInput> = {}): CompiledRouteSchemas {
  const result = compileRouteSchemas({ handler: handlerWith(spec), method: 'POST', defaultStatus: 201, routeName: 'POST /cats (CatsController#create)', ...input });
  if (result === undefined) throw new Error('expected the route to have compiled schemas');
  return result;
}

/** The 400 body a validator throws for `value`; fails the test if it does not throw a 400. */
export function badRequestBody(validate: ((value: unknown) => unknown) | undefined, value: unknown): Record<string, unknown> {
  if (validate === undefined) throw new Error('expected a validator');
  try {
    validate(value);
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() === 400) return error.getResponse() as Record<string, unknown>;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
}

/** The `message` array of that 400. */
export function failures(validate: ((value: unknown) => unknown) | undefined, value: unknown): unknown {
  return badRequestBody(validate, value).message;
}

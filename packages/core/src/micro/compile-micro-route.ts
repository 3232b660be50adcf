import type { HttpExchange } from '../adapters/http-exchange';
import type { MountedRoute, RouteSourceContext } from '../application/mounted-routes';
import type { LoggerService } from '../application/logger';
import { writeError } from '../pipeline/error-writer';
import type { RequestNeeds, RouteHandle } from '../router/route-handle';
import type { CompiledRouteSchemas } from '../schema/compile-route-schemas';
import { composeMiddleware } from '../wrap/compose';
import { HttpRequest, type RequestScope } from '../wrap/http-request';
import type { HttpMiddleware } from '../wrap/middleware';
import { writeHttpResponse } from '../wrap/write-response';
import { createReplyWriter, type ReplyWriter } from './reply-writer';
import { declaredReadsOf, microRouteNeeds } from './route-needs';
import { compileMicroSchemas } from './route-schemas';
import type { AnyHandler, RouteOptions } from './route-types';
import { dataLookup, type DataEntry } from './shared-data';

export interface MicroRouteInput {
  /** Upper-case method, or `ALL` for `any()`. */
  readonly method: string;
  /** Full path (prefixes joined), find-my-way syntax. */
  readonly path: string;
  readonly handler: AnyHandler;
  readonly options: RouteOptions;
  /** Every middleware around this handler, outermost first: app, scopes, route, handler options. */
  readonly middlewares: readonly HttpMiddleware[];
  /** Shared data visible to the handler, outer scopes first. */
  readonly data: readonly DataEntry[];
  readonly context: RouteSourceContext;
}

type Invoke = (req: HttpRequest) => unknown;

/**
 * Compiles one micro handler into a `RouteHandle` for the application's table. Everything is
 * decided here, once: status, response writer, validators, what the adapter copies, where
 * `req.data()` looks, and the middleware chain. Per request, a route without middleware creates
 * the `HttpRequest` and calls the handler (the same work as a decorator route's closure); a route
 * with middleware walks a chain composed here.
 */
export function compileMicroRoute(input: MicroRouteInput): MountedRoute {
  const { method, path, handler, options, middlewares, context } = input;
  const status = options.status ?? (method === 'POST' ? 201 : 200);
  const schemas = compileMicroSchemas(options.schema, method, path, status);
  const compiled = schemas?.compiled;
  const reply = createReplyWriter(status, compiled?.serializerFor(status));
  const routeName = `${method === 'ALL' ? 'ANY' : method} ${path}`;
  const needs = microRouteNeeds(method, options, compiled, middlewares);
  const scope: RequestScope = {
    bodyLimit: options.bodyLimit ?? context.bodyLimit,
    data: dataLookup(input.data, context.resolve),
    validateParams: compiled?.validateParams,
    validateQuery: compiled?.validateQuery,
    validateBody: compiled?.validateBody,
    declared: declaredReadsOf(routeName, needs),
  };
  const invoke = invokerFor(handler, compiled);
  const handle =
    middlewares.length === 0
      ? directHandle(needs, scope, invoke, reply, context.logger)
      : chainedHandle(needs, scope, invoke, reply, middlewares, context.logger);
  const name = handler.name === '' ? '' : `: ${handler.name}`;
  return {
    method,
    path,
    handle,
    owner: `${routeName} (micro${name})`,
    schemas: schemas?.declared,
    includesAppMiddleware: true,
  };
}

/** No middleware: the handler's result goes straight to the exchange. */
function directHandle(needs: RequestNeeds, scope: RequestScope, invoke: Invoke, reply: ReplyWriter, logger: LoggerService): RouteHandle {
  const settle = (value: unknown, exchange: HttpExchange): void => {
    try {
      reply.write(value, exchange);
    } catch (error) {
      // e.g. a value JSON cannot represent (cycles), or one its response schema does not describe
      writeError(error, exchange, logger);
    }
  };
  return {
    needs,
    // Hot path: one HttpRequest, one handler call, one write.
    run(request, exchange) {
      const req = new HttpRequest(request, exchange, scope);
      let value: unknown;
      try {
        value = invoke(req);
      } catch (error) {
        writeError(error, exchange, logger);
        return;
      }
      if (isThenable(value)) {
        value.then(
          (resolved) => settle(resolved, exchange),
          (error) => writeError(error, exchange, logger),
        );
        return;
      }
      settle(value, exchange);
    },
  };
}

/** With middleware: one chain, composed here; the handler's result becomes an `HttpResponse` they can change. */
function chainedHandle(
  needs: RequestNeeds,
  scope: RequestScope,
  invoke: Invoke,
  reply: ReplyWriter,
  middlewares: readonly HttpMiddleware[],
  logger: LoggerService,
): RouteHandle {
  const toResponse = reply.toResponse;
  const chain = composeMiddleware(
    middlewares,
    (req) => {
      const value = invoke(req);
      return isThenable(value) ? value.then(toResponse) : toResponse(value);
    },
    logger,
  );
  return {
    needs,
    run(request, exchange) {
      // `chain` never rejects: failures come back as error responses.
      chain(new HttpRequest(request, exchange, scope)).then((response) => writeHttpResponse(exchange, response));
    },
  };
}

/**
 * The handler, behind its input validation when the route has schemas: params, query and headers
 * are checked before it runs, and a body schema reads and validates the body first, so a handler
 * never starts on input its types promised away (same order as a decorator route: middleware,
 * then validation, then the handler).
 */
function invokerFor(handler: AnyHandler, schemas: CompiledRouteSchemas | undefined): Invoke {
  if (schemas === undefined) return handler;
  const { validateParams, validateQuery, validateHeaders, validateBody } = schemas;
  const checksInput = validateParams !== undefined || validateQuery !== undefined || validateHeaders !== undefined;
  const checkInput = (req: HttpRequest): void => {
    if (validateParams !== undefined) req.params(); // validated, coerced and kept by the request
    if (validateQuery !== undefined) req.query();
    if (validateHeaders !== undefined) validateHeaders(req.headers);
  };
  if (validateBody !== undefined) {
    return (req) => {
      checkInput(req);
      return req.json().then(() => handler(req));
    };
  }
  if (!checksInput) return handler;
  return (req) => {
    checkInput(req);
    return handler(req);
  };
}

function isThenable(value: unknown): value is Promise<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as Promise<unknown>).then === 'function';
}

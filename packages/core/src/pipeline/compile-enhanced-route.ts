import type { Observable } from 'rxjs';
import { isObservable, rxjs } from './rx';
import type { HttpExchange } from '../adapters/http-exchange';
import { RequestAbortedError } from '../adapters/http-exchange';

import { RouteParamtype, type RouteParamMetadata } from '../decorators/param.decorators';
import { ExecutionContextHost } from '../enhancers/execution-context-host';
import { chainInterceptors } from './chain-interceptors';
import { caughtExceptionsOf } from '../enhancers/catch.decorator';
import type { ArgumentMetadata, CallHandler, Paramtype } from '../enhancers/interfaces';
import { ForbiddenException, NotFoundException } from '../exceptions';
import { parseBody } from '../http/body-parser';
import type { ArmatureRequest } from '../http/request';
import { ArmatureResponse } from '../http/response';
import type { RouteDefinition } from '../router/route-definition';
import type { RequestNeeds, RouteHandle } from '../router/route-handle';
import type { CompileOptions } from './compile-route';
import { writeError } from './error-writer';
import { ResponseBoundExchange } from '../middleware/integration';
import { buildExtractors } from './param-extractors';
import { requestNeedsOf } from './request-needs';
import { createResultWriter } from './result-writer';
import { isPipeable, type RouteEnhancers } from './route-enhancers';

/** Validators and serializers compiled from a route's schemas (see `schema/compile-route-schemas.ts`). */
export interface RouteSchemas {
  /** Headers the validators read (`'all'` when the schema allows any). */
  readonly headerNames: readonly string[] | 'all';
  validateParams?(params: unknown): unknown;
  validateQuery?(query: unknown): unknown;
  validateHeaders?(headers: unknown): unknown;
  validateBody?(body: unknown): unknown;
  serializerFor(status: number): ((value: unknown) => string) | undefined;
}

/** Middleware composed for one route: resolves false when a middleware answered by itself. */
export interface RouteMiddleware {
  run(request: ArmatureRequest, response: ArmatureResponse): Promise<boolean>;
}

export interface EnhancedParts {
  readonly enhancers: RouteEnhancers;
  readonly schemas?: RouteSchemas;
  readonly middleware?: RouteMiddleware;
}

const PARAMTYPE_NAMES: Partial<Record<RouteParamtype, Paramtype>> = {
  [RouteParamtype.BODY]: 'body',
  [RouteParamtype.QUERY]: 'query',
  [RouteParamtype.PARAM]: 'param',
};

interface ArgumentSpec {
  read: (request: ArmatureRequest, response: ArmatureResponse, next: (error?: unknown) => void, context: ExecutionContextHost) => unknown;
  pipes: Array<{ transform(value: unknown, metadata: ArgumentMetadata): unknown }>;
  metadata: ArgumentMetadata;
}

/**
 * Compiles a route that uses the request pipeline, with NestJS's order: middleware → guards →
 * interceptors (before) → schema validation and pipes → handler → interceptors (after) → exception
 * filters. Everything is resolved here, once; per request the route runs the stages it has and
 * nothing else. Routes without any of these keep the plain closure of `compile-route.ts`.
 */
export function compileEnhancedRoute(route: RouteDefinition, options: CompileOptions, parts: EnhancedParts): RouteHandle {
  const { bodyLimit, logger, instances } = options;
  const { enhancers, schemas, middleware } = parts;
  const writeResult = createResultWriter(route, schemas?.serializerFor);
  const args = argumentSpecs(route, enhancers);
  const usesResponseParam = route.params.find((p) => p.type === RouteParamtype.RESPONSE);
  const writesReturnValue = usesResponseParam === undefined || usesResponseParam.options?.passthrough === true;
  const guards = enhancers.guards;
  const interceptors = enhancers.interceptors;
  const filters = enhancers.filters.map((filter) => ({ filter, catches: caughtExceptionsOf(filter) }));
  const wildcardName = route.wildcardName;
  const needs = enhancedNeeds(route, options, parts);

  /** The handler call, with validation and pipes: what `next.handle()` runs inside interceptors. */
  const callHandler = async (instance: object, request: ArmatureRequest, response: ArmatureResponse, context: ExecutionContextHost): Promise<unknown> => {
    if (schemas !== undefined) validateInput(schemas, request);
    const values = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const spec = args[i];
      let value = spec.read(request, response, context.getNext(), context);
      for (const pipe of spec.pipes) value = await pipe.transform(value, spec.metadata);
      values[i] = value;
    }
    return route.handler.apply(instance, values);
  };

  const process = async (request: ArmatureRequest, exchange: HttpExchange, response: ArmatureResponse, context: ExecutionContextHost, body: Promise<void> | undefined): Promise<void> => {
    if (body !== undefined) await body;
    if (middleware !== undefined && !(await middleware.run(request, response))) return;
    const instance = instances.kind === 'static' ? instances.instance : await instances.resolve(request);
    for (const guard of guards) {
      const verdict = guard.canActivate(context);
      // Most guards answer synchronously: a boolean needs no promise and no extra microtask turn.
      if (!(typeof verdict === 'boolean' ? verdict : await asPromise(verdict))) throw new ForbiddenException('Forbidden resource');
    }
    let value: unknown;
    if (interceptors.length === 0) {
      value = await callHandler(instance, request, response, context);
      if (isObservable(value)) value = await rxjs().firstValueFrom(value, { defaultValue: undefined });
    } else {
      const { defer, from, of, switchMap, firstValueFrom } = rxjs();
      const handled = defer(() => from(callHandler(instance, request, response, context)).pipe(switchMap((v) => (isObservable(v) ? v : of(v)))));
      value = await firstValueFrom(chainInterceptors(interceptors, context, handled), { defaultValue: undefined });
    }
    if (writesReturnValue && !exchange.aborted) writeResult(value, exchange, response);
  };

  const fail = async (error: unknown, exchange: HttpExchange, response: ArmatureResponse, context: ExecutionContextHost): Promise<void> => {
    if (error instanceof RequestAbortedError || exchange.aborted) return;
    const match = filters.find(({ catches }) => catches.length === 0 || catches.some((type) => error instanceof type));
    if (match === undefined) return writeError(error, exchange, logger, response);
    try {
      await match.filter.catch(error, context);
    } catch (filterError) {
      writeError(filterError, exchange, logger, response);
    }
  };

  return {
    needs,
    run(request, exchange) {
      if (wildcardName !== undefined) request.params[wildcardName] = request.params['*'];
      // Synchronous part: the body must be claimed before the first await (uWS rule).
      let body: Promise<void> | undefined;
      if (enhancers.consumesMultipart && isMultipart(request)) {
        request.bodyStream = exchange.bodyStream(enhancers.multipartBodyLimit ?? bodyLimit);
      } else if (needs.body) {
        if (hasBody(request)) {
          body = exchange.readBody(bodyLimit).then((raw) => {
            request.rawBody = raw;
            request.body = parseBody(request.headers['content-type'] as string | undefined, raw);
          });
        } else {
          request.body = {};
        }
      }
      const response = new ArmatureResponse(exchange, request.method);
      // With middleware, every write (result, error, filter) carries the headers middleware set on `res`.
      if (middleware !== undefined) exchange = new ResponseBoundExchange(exchange, response);
      // Express's `next` for @Next(): an error goes to the filters; no error falls through to a 404.
      const next = (error?: unknown): void => void fail(error ?? new NotFoundException(`Cannot ${request.method} ${request.url}`), exchange, response, context);
      const context = new ExecutionContextHost([request, response, next], route.controller, route.handler);
      process(request, exchange, response, context, body).catch((error) => fail(error, exchange, response, context));
    },
  };
}

function validateInput(schemas: RouteSchemas, request: ArmatureRequest): void {
  if (schemas.validateParams) request.params = schemas.validateParams(request.params) as Record<string, string>;
  if (schemas.validateQuery) request.query = schemas.validateQuery(request.query) as Record<string, unknown>;
  if (schemas.validateHeaders) schemas.validateHeaders(request.headers); // checked; the request keeps its strings
  if (schemas.validateBody) request.body = schemas.validateBody(request.body);
}

/** One spec per parameter position: how to read it, which pipes run on it, what they are told. */
function argumentSpecs(route: RouteDefinition, enhancers: RouteEnhancers): ArgumentSpec[] {
  const extractors = buildExtractors(route);
  const paramTypes: unknown[] = Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.methodName) ?? [];
  const byIndex = new Map<number, RouteParamMetadata>(route.params.map((p) => [p.index, p]));
  return extractors.map((extract, index) => {
    const param = byIndex.get(index);
    const metadata: ArgumentMetadata = {
      type: param === undefined ? 'custom' : (PARAMTYPE_NAMES[param.type] ?? 'custom'),
      metatype: paramTypes[index] as ArgumentMetadata['metatype'],
      data: param?.type === RouteParamtype.CUSTOM ? (param.customData as string | undefined) : param?.data,
    };
    const pipes = param !== undefined && isPipeable(param.type) ? [...enhancers.pipes, ...(enhancers.paramPipes.get(index) ?? [])] : [];
    const read: ArgumentSpec['read'] =
      param?.type === RouteParamtype.CUSTOM
        ? (_req, _res, _next, context) => param.factory!(param.customData, context)
        : (req, res, next) => extract(req, res, next);
    return { read, pipes: pipes as ArgumentSpec['pipes'], metadata };
  });
}

/** Routes with guards, interceptors, filters or middleware hand the whole request to user code. */
function enhancedNeeds(route: RouteDefinition, options: CompileOptions, parts: EnhancedParts): RequestNeeds {
  const base = requestNeedsOf(route, { scoped: options.instances.kind === 'per-request' });
  const { enhancers } = parts;
  const opaque =
    enhancers.guards.length > 0 ||
    enhancers.interceptors.length > 0 ||
    enhancers.filters.length > 0 ||
    parts.middleware !== undefined ||
    route.params.some((p) => p.type === RouteParamtype.CUSTOM);
  const schemaHeaders = parts.schemas?.headerNames ?? [];
  const bodyValidated = parts.schemas?.validateBody !== undefined;
  const allHeaders = base.allHeaders || opaque || schemaHeaders === 'all';
  const body = base.body || opaque || bodyValidated || enhancers.consumesMultipart;
  const names = new Set([...base.headerNames, ...(schemaHeaders === 'all' ? [] : schemaHeaders)]);
  if (body) ['content-type', 'content-length', 'transfer-encoding'].forEach((n) => names.add(n));
  return Object.freeze({ allHeaders, headerNames: allHeaders ? [] : [...names], body, ip: base.ip || opaque });
}

function asPromise(value: boolean | Promise<boolean> | Observable<boolean>): Promise<boolean> {
  return isObservable(value) ? rxjs().firstValueFrom(value as Observable<boolean>, { defaultValue: false }) : Promise.resolve(value);
}

function isMultipart(request: ArmatureRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.toLowerCase().startsWith('multipart/form-data');
}

function hasBody(request: ArmatureRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}



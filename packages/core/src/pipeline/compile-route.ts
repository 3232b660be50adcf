import { isObservable, rxjs } from './rx';
import type { HttpExchange } from '../adapters/http-exchange';
import type { LoggerService } from '../application/logger';
import { RouteParamtype } from '../decorators/param.decorators';
import { NotFoundException } from '../exceptions';
import { parseBody } from '../http/body-parser';
import type { ArmatureRequest } from '../http/request';
import { ArmatureResponse } from '../http/response';
import type { RouteDefinition } from '../router/route-definition';
import type { RouteHandle } from '../router/route-handle';
import { writeError } from './error-writer';
import { compileEnhancedRoute, type EnhancedParts } from './compile-enhanced-route';
import { buildExtractors, type ParamExtractor } from './param-extractors';
import { requestNeedsOf } from './request-needs';
import { createResultWriter } from './result-writer';

/** Where the controller instance comes from: one singleton, or built per request by DI. */
export type InstanceSource =
  | { readonly kind: 'static'; readonly instance: object }
  | { readonly kind: 'per-request'; readonly resolve: (request: ArmatureRequest) => Promise<object> };

export interface CompileOptions {
  readonly bodyLimit: number;
  readonly logger: LoggerService;
  readonly instances: InstanceSource;
  /** Guards, interceptors, pipes, filters, schemas, middleware: present only when the route uses some. */
  readonly enhanced?: EnhancedParts;
}

type Invoke = (instance: object, request: ArmatureRequest, response: ArmatureResponse | undefined, next: (error?: unknown) => void) => unknown;

/**
 * Compiles one route into the closure that serves it. Everything that can be decided from
 * metadata is decided here, once: which arguments to read and from where, whether to read the
 * body, whether a response object is needed, how to write each kind of result. The closure
 * itself does no reflection and builds no chains.
 */
export function compileRoute(route: RouteDefinition, options: CompileOptions): RouteHandle {
  if (options.enhanced !== undefined) return compileEnhancedRoute(route, options, options.enhanced);
  const { bodyLimit, logger, instances } = options;
  const needs = requestNeedsOf(route, { scoped: instances.kind === 'per-request' });
  const writeResult = createResultWriter(route);
  const invoke = specialiseInvoke(route.handler, buildExtractors(route));
  const responseParam = route.params.find((p) => p.type === RouteParamtype.RESPONSE);
  const usesResponse = responseParam !== undefined;
  // Without passthrough, a handler that takes @Res() answers by itself: its return value is ignored.
  const writesReturnValue = !usesResponse || responseParam.options?.passthrough === true;
  const wildcardName = route.wildcardName;
  const usesNext = route.params.some((p) => p.type === RouteParamtype.NEXT);

  const settle = (value: unknown, exchange: HttpExchange, response: ArmatureResponse | undefined): void => {
    if (value !== null && typeof value === 'object') {
      if (typeof (value as Promise<unknown>).then === 'function') {
        (value as Promise<unknown>).then(
          (resolved) => settle(resolved, exchange, response),
          (error) => writeError(error, exchange, logger, response),
        );
        return;
      }
      if (isObservable(value)) {
        rxjs().firstValueFrom(value, { defaultValue: undefined }).then(
          (first) => settle(first, exchange, response),
          (error) => writeError(error, exchange, logger, response),
        );
        return;
      }
    }
    if (!writesReturnValue) return;
    try {
      writeResult(value, exchange, response);
    } catch (error) {
      // e.g. a result JSON.stringify cannot serialise (cycles, extreme nesting): a 500, not a hang.
      writeError(error, exchange, logger, response);
    }
  };

  const callHandler = (instance: object, request: ArmatureRequest, exchange: HttpExchange): void => {
    const response = usesResponse ? new ArmatureResponse(exchange, request.method) : undefined;
    let value: unknown;
    try {
      value = invoke(instance, request, response, usesNext ? nextFunction(request, exchange, logger, response) : noNext);
    } catch (error) {
      writeError(error, exchange, logger, response);
      return;
    }
    settle(value, exchange, response);
  };

  const withInstance: (request: ArmatureRequest, exchange: HttpExchange) => void =
    instances.kind === 'static'
      ? (request, exchange) => callHandler(instances.instance, request, exchange)
      : (request, exchange) => {
          instances.resolve(request).then(
            (instance) => callHandler(instance, request, exchange),
            (error) => writeError(error, exchange, logger),
          );
        };

  const afterBody: (request: ArmatureRequest, exchange: HttpExchange) => void = needs.body
    ? (request, exchange) => {
        if (!hasBody(request)) {
          request.body = {};
          withInstance(request, exchange);
          return;
        }
        // The exchange starts collecting now, before the first await (uWS rule).
        exchange.readBody(bodyLimit).then(
          (raw) => {
            request.rawBody = raw;
            try {
              request.body = parseBody(request.headers['content-type'] as string | undefined, raw);
            } catch (error) {
              writeError(error, exchange, logger);
              return;
            }
            withInstance(request, exchange);
          },
          (error) => writeError(error, exchange, logger),
        );
      }
    : withInstance;

  return {
    needs,
    run:
      wildcardName === undefined
        ? afterBody
        : (request, exchange) => {
            request.params[wildcardName] = request.params['*'];
            afterBody(request, exchange);
          },
  };
}

/** Calls the handler with its arguments, specialised by arity so the common cases allocate nothing. */
function specialiseInvoke(handler: (...args: unknown[]) => unknown, extractors: ParamExtractor[]): Invoke {
  switch (extractors.length) {
    case 0:
      return (instance) => handler.call(instance);
    case 1: {
      const [a] = extractors;
      return (instance, req, res, next) => handler.call(instance, a(req, res, next));
    }
    case 2: {
      const [a, b] = extractors;
      return (instance, req, res, next) => handler.call(instance, a(req, res, next), b(req, res, next));
    }
    case 3: {
      const [a, b, c] = extractors;
      return (instance, req, res, next) => handler.call(instance, a(req, res, next), b(req, res, next), c(req, res, next));
    }
    default:
      return (instance, req, res, next) => {
        const args = new Array(extractors.length);
        for (let i = 0; i < extractors.length; i++) args[i] = extractors[i](req, res, next);
        return handler.apply(instance, args);
      };
  }
}

const noNext = (): void => undefined;

/**
 * Express's `next` for `@Next()`: with an error it answers that error; without one, as no later
 * handler exists, the request falls through to a 404 (what Express does).
 */
function nextFunction(request: ArmatureRequest, exchange: HttpExchange, logger: LoggerService, response: ArmatureResponse | undefined) {
  return (error?: unknown): void =>
    writeError(error ?? new NotFoundException(`Cannot ${request.method} ${request.url}`), exchange, logger, response);
}

function hasBody(request: ArmatureRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

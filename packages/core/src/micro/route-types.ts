import type { Static, TSchema } from '@sinclair/typebox';
import type { JsonSchema } from '../schema/json-schema';
import type { ResponseSchemaSpec } from '../schema/response-spec';
import type { HttpRequest } from '../wrap/http-request';
import type { HttpResponse } from '../wrap/http-response';
import type { HttpMiddleware, WrapNeeds } from '../wrap/middleware';

/**
 * The schemas of one micro route, as `@Schema` takes them on a decorator route. TypeBox schemas
 * type the handler: `req.param()`, `req.query()`, `req.json()` and what it may return.
 */
export interface MicroSchema {
  /** Path parameters; strings are coerced ("42" → 42 for an integer). */
  readonly params?: JsonSchema;
  /** Query string, coerced like params. */
  readonly query?: JsonSchema;
  /** Request headers, coerced and checked; `req.header()` still returns the strings. */
  readonly headers?: JsonSchema;
  /** The JSON body (not coerced). Validated before the handler runs. */
  readonly body?: JsonSchema;
  /** One schema for the route's success status, or `{ [status]: schema }`. Plain return values are serialized with it. */
  readonly response?: ResponseSchemaSpec;
}

/** Options of one handler: `get(handler, { schema, status, wrap, reads, bodyLimit })`. */
export interface RouteOptions<S extends MicroSchema = MicroSchema> {
  readonly schema?: S;
  /** Status of a plain return value (default 200, 201 for POST). An `HttpResponse` keeps its own. */
  readonly status?: number;
  /** Middleware for this handler only, inside the app's, the scopes' and the route's. */
  readonly wrap?: readonly HttpMiddleware[];
  /**
   * What the handler reads off the native request, as a decorator route's parameters say it
   * (docs/micro.md): `headers` (names, or 'all'), `body`, `ip`. By default: no header, no address,
   * and the body for POST, PUT, PATCH, DELETE and `any()`. Reading something undeclared throws
   * an error naming the option to add, on every adapter.
   */
  readonly reads?: WrapNeeds;
  /** Largest accepted body for this handler, in bytes (default: the application's `bodyLimit`). */
  readonly bodyLimit?: number;
}

type MaybePromise<T> = T | Promise<T>;

type StaticOr<S, Fallback> = S extends TSchema ? Static<S> : Fallback;

/** Path parameters as the handler sees them: from the params schema, else strings. */
export type ParamsOf<S> = S extends { readonly params: infer P } ? Extract<StaticOr<P, Record<string, unknown>>, Record<string, unknown>> : Record<string, string>;
export type QueryOf<S> = S extends { readonly query: infer Q } ? Extract<StaticOr<Q, Record<string, unknown>>, Record<string, unknown>> : Record<string, unknown>;
export type BodyOf<S> = S extends { readonly body: infer B } ? StaticOr<B, unknown> : unknown;

/** What the handler may return as a plain value: the response schema's type (any status), else anything. */
export type ResultOf<S> = S extends { readonly response: infer R }
  ? R extends TSchema
    ? Static<R>
    : R extends { readonly [status: number]: infer Each }
      ? StaticOr<Each, unknown>
      : unknown
  : unknown;

/** The request a handler of a route with schema `S` receives. */
export type RequestOf<S> = HttpRequest<ParamsOf<S>, QueryOf<S>, BodyOf<S>>;

/**
 * A micro-API handler: it gets the request and returns an `HttpResponse` or a plain value
 * (objects and numbers → JSON, strings → text/plain, Buffers → bytes, streams → streamed,
 * undefined/null → no body), or a promise of one.
 */
export type Handler<S = MicroSchema> = (req: RequestOf<S>) => MaybePromise<ResultOf<S> | HttpResponse>;

/** A handler once its types have done their job (how routes store it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = (req: HttpRequest<any, any, any>) => unknown;

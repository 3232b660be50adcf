import type { HttpExchange } from '../adapters/http-exchange';
import { BadRequestException, UnsupportedMediaTypeException } from '../exceptions';
import { parseJson } from '../http/body-parser';
import type { ArmatureRequest, IncomingHeaders } from '../http/request';
import { UndeclaredReadError, type DeclaredReads } from './declared-reads';

/** A key for shared state: a class (`req.data(Db)`) or a string/symbol token. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataKey<T = unknown> = (abstract new (...args: any[]) => T) | string | symbol;

/**
 * What a request needs from the route it arrived on, built once per route: the body limit, where
 * shared data comes from, and the route's validators (each returns the validated, coerced value or
 * throws a 400 naming the failing fields).
 */
export interface RequestScope {
  readonly bodyLimit: number;
  readonly data: (key: DataKey) => unknown;
  readonly validateParams?: (params: Record<string, string>) => unknown;
  readonly validateQuery?: (query: Record<string, unknown>) => unknown;
  readonly validateBody?: (body: unknown) => unknown;
  /** What the route declared it reads (micro routes): other reads throw `UndeclaredReadError`. Undefined: no checks. */
  readonly declared?: DeclaredReads;
}

const EMPTY_BODY = Buffer.alloc(0);

/**
 * The request as micro-API handlers and Armature middleware see it: typed accessors over the
 * adapter's `ArmatureRequest`. The body is read once, on first ask, and shared by everyone who
 * asks (middleware, handler, a wrapped decorator route).
 */
export class HttpRequest<
  Params extends Record<string, unknown> = Record<string, string>,
  Query extends Record<string, unknown> = Record<string, unknown>,
  Body = unknown,
> {
  /** The request id, once the RequestId middleware (or a caller) set one. */
  id: string | undefined = undefined;
  // Created on first use: most requests never touch `locals`, and the micro API builds one
  // HttpRequest per request on its hot path.
  private localState: Record<string, unknown> | undefined = undefined;
  private rawBody: Promise<Buffer> | undefined = undefined;
  private parsedBody: Promise<Body> | undefined = undefined;
  private validParams: Params | undefined = undefined;
  private validQuery: Query | undefined = undefined;

  constructor(
    /** The adapter-level request (Express-like surface). */
    readonly raw: ArmatureRequest,
    /** @internal The adapter's exchange (a middleware wrapper captures the route's answer from it). */
    readonly exchange: HttpExchange,
    private readonly scope: RequestScope,
  ) {}

  /** Per-request state middleware hand to each other and to the handler (e.g. the authenticated user). */
  get locals(): Record<string, unknown> {
    this.localState ??= {};
    return this.localState;
  }

  get method(): string {
    return this.raw.method;
  }

  /** Path without the query string, as received. */
  get path(): string {
    return this.raw.path;
  }

  /** Path plus query string. */
  get url(): string {
    return this.raw.originalUrl;
  }

  get headers(): IncomingHeaders {
    return this.raw.headers;
  }

  /** The remote address (a micro route declares it reads it: `reads: { ip: true }`). */
  get ip(): string | undefined {
    const declared = this.scope.declared;
    if (declared !== undefined && !declared.ip) throw new UndeclaredReadError(declared.route, 'the remote address (req.ip)', 'reads: { ip: true }');
    return this.raw.ip;
  }

  /** A path parameter (validated and coerced when the route has a params schema). */
  param<K extends keyof Params & string>(name: K): Params[K] {
    return this.params()[name];
  }

  params(): Params {
    if (this.validParams === undefined) {
      const validate = this.scope.validateParams;
      this.validParams = (validate === undefined ? this.raw.params : validate(this.raw.params)) as Params;
    }
    return this.validParams;
  }

  /** The whole query (validated when the route has a query schema), or one value of it (the first, when repeated). */
  query(): Query;
  query<K extends keyof Query & string>(name: K): Query[K] extends unknown[] ? Query[K][number] : Query[K];
  query(name?: string): unknown {
    if (this.validQuery === undefined) {
      const validate = this.scope.validateQuery;
      this.validQuery = (validate === undefined ? this.raw.query : validate(this.raw.query)) as Query;
    }
    if (name === undefined) return this.validQuery;
    const value = this.validQuery[name];
    return Array.isArray(value) && this.scope.validateQuery === undefined ? value[0] : value;
  }

  /** A header's value (repeated headers joined with ', '), case-insensitive. */
  header(name: string): string | undefined {
    const key = name.toLowerCase();
    const declared = this.scope.declared;
    if (declared !== undefined && declared.headers !== 'all' && !declared.headers.has(key)) {
      throw new UndeclaredReadError(declared.route, `the header '${key}'`, `reads: { headers: ['${key}'] } (or 'all')`);
    }
    const value = this.raw.headers[key];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** The raw body bytes (empty when the request has none). Refused with 413 past the route's limit. */
  body(): Promise<Buffer> {
    const declared = this.scope.declared;
    if (declared !== undefined && !declared.body) {
      return Promise.reject(new UndeclaredReadError(declared.route, 'the request body', 'reads: { body: true }'));
    }
    return hasBody(this.raw) ? this.readBodyOnce(this.scope.bodyLimit) : Promise.resolve(EMPTY_BODY);
  }

  /** @internal The one read of the body, shared with a wrapped route that reads it itself. */
  readBodyOnce(limit: number): Promise<Buffer> {
    this.rawBody ??= this.exchange.readBody(limit);
    return this.rawBody;
  }

  text(): Promise<string> {
    return this.body().then((raw) => raw.toString('utf8'));
  }

  /**
   * The body parsed as JSON (and validated when the route has a body schema): 400 when malformed,
   * empty or invalid, 415 when the Content-Type says it is something else.
   */
  json<T = Body>(): Promise<T> {
    this.parsedBody ??= this.body().then((raw) => {
      // Read directly: a route that reads the body always has its framing headers copied.
      const type = this.raw.headers['content-type'] as string | undefined;
      if (type !== undefined && !isJsonType(type)) throw new UnsupportedMediaTypeException(`Expected a JSON body, got ${type}`);
      if (raw.length === 0) throw new BadRequestException('Expected a JSON body, but the request has none');
      const value = parseJson(raw);
      const validate = this.scope.validateBody;
      return (validate === undefined ? value : validate(value)) as Body;
    });
    return this.parsedBody as unknown as Promise<T>;
  }

  /** Shared state given to `App.data(...)`, or a provider of the application's DI container. */
  data<T>(key: DataKey<T>): T {
    return this.scope.data(key) as T;
  }
}

function hasBody(request: ArmatureRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function isJsonType(contentType: string): boolean {
  if (contentType === 'application/json') return true; // what nearly every client sends: no parsing
  const semicolon = contentType.indexOf(';');
  const media = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return media === 'application/json' || media.endsWith('+json');
}

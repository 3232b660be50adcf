import FindMyWay from 'find-my-way';
import type { HTTPMethod } from 'find-my-way';
import type { RouteHandle, RouteMatch, RouteTableView } from './route-handle';
import { errorResponseHandle } from './error-handles';

export interface RouteTableOptions {
  /** Express (and so NestJS) match paths case-insensitively by default. */
  caseSensitive?: boolean;
  ignoreTrailingSlash?: boolean;
  /** Wraps the 404/405/400 answers (global middleware runs for unmatched requests too, as in Express). */
  wrapMiss?: (handle: RouteHandle) => RouteHandle;
}

const storedInStore = (): void => undefined;
const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** One method's plain static routes, and which path lengths occur among them. */
interface StaticRoutes {
  readonly method: string;
  readonly byPath: Map<string, RouteHandle>;
  readonly lengths: boolean[];
}

/**
 * A route path find-my-way stores and matches as is: a static path of unreserved characters, no
 * empty segment, no trailing slash. A request path equal to such a key would leave find-my-way's
 * normalisation (decoding, duplicate and trailing slashes, lower-casing) unchanged and match that
 * static route, which always wins over parametric ones: so an exact-string hit is find-my-way's answer.
 */
const PLAIN_STATIC_PATH = /^(?:\/[A-Za-z0-9._~-]+)+$|^\/$/;

/**
 * The compiled route table: a find-my-way radix tree whose handlers are compiled `RouteHandle`s.
 * A miss is classified once, off the hot path, into 400 (malformed encoding), 405 (path known
 * under other methods, with `Allow`) or 404.
 */
export class RouteTable implements RouteTableView {
  private readonly router;
  private readonly owners = new Map<string, string>();
  /**
   * Plain static routes without a host constraint, by method then exact path: one hash lookup per
   * request. Methods are few and compared with `===` (the method string is new on every request, so
   * a Map keyed by method would hash it each time).
   */
  private readonly staticRoutes: Array<StaticRoutes> = [];
  private readonly caseSensitive: boolean;
  private readonly methods = new Set<string>();
  private hostRoutes = 0;
  private readonly wrapMiss: (handle: RouteHandle) => RouteHandle;

  constructor(options: RouteTableOptions = {}) {
    this.wrapMiss = options.wrapMiss ?? ((handle) => handle);
    this.caseSensitive = options.caseSensitive ?? false;
    this.router = FindMyWay({
      caseSensitive: this.caseSensitive,
      ignoreTrailingSlash: options.ignoreTrailingSlash ?? true,
      ignoreDuplicateSlashes: true,
      maxParamLength: 2048,
    });
  }

  get hostConstrained(): boolean {
    return this.hostRoutes > 0;
  }

  /**
   * Adds a route. `owner` names the handler (`CatsController#findAll`) so that a duplicate
   * method + path fails with both handlers named.
   */
  add(method: string, path: string, handle: RouteHandle, owner: string, host?: string | RegExp): void {
    const key = `${method} ${path.replace(/:[^/]+/g, ':').toLowerCase()} ${String(host ?? '')}`;
    const existing = this.owners.get(key);
    if (existing !== undefined) {
      throw new Error(`Duplicate route ${method} ${path}${host ? ` (host ${String(host)})` : ''}: declared by both ${existing} and ${owner}`);
    }
    this.owners.set(key, owner);
    this.methods.add(method);
    if (host !== undefined) this.hostRoutes++;
    const options = host === undefined ? {} : { constraints: { host } };
    // find-my-way wants a function handler; the compiled handle travels in its `store` slot.
    this.router.on(method as HTTPMethod, path, options, storedInStore, handle as never);
    if (host === undefined && PLAIN_STATIC_PATH.test(path)) {
      let entry = this.staticRoutes.find((candidate) => candidate.method === method);
      if (entry === undefined) this.staticRoutes.push((entry = { method, byPath: new Map(), lengths: [] }));
      entry.byPath.set(this.caseSensitive ? path : path.toLowerCase(), handle);
      entry.lengths[path.length] = true;
    }
  }

  /** True when `method path` is taken (used to let explicit routes win over `@All`). */
  has(method: string, path: string, host?: string | RegExp): boolean {
    return this.owners.has(`${method} ${path.replace(/:[^/]+/g, ':').toLowerCase()} ${String(host ?? '')}`);
  }

  // HOT PATH: a hash lookup for static routes, else one radix-tree walk.
  lookup(method: string, path: string, host?: string): RouteMatch {
    // With host-constrained routes (never in the map), find-my-way decides between them.
    if (this.hostRoutes === 0) {
      const statics = this.staticRoutes;
      for (let i = 0; i < statics.length; i++) {
        if (statics[i].method !== method) continue;
        // A path of a length no static route has skips the map: hashing it would be wasted.
        if (statics[i].lengths[path.length] === true) {
          const handle = statics[i].byPath.get(path);
          if (handle !== undefined) return { handle, params: {} };
        }
        break;
      }
    }
    const found = this.router.find(method as HTTPMethod, path, host === undefined ? undefined : { host });
    if (found !== null) return { handle: found.store as unknown as RouteHandle, params: found.params as Record<string, string> };
    return { handle: this.wrapMiss(this.classifyMiss(method, path, host)), params: NO_PARAMS };
  }

  /** Methods that have a route for this path (for `Allow`). */
  allowedMethods(path: string, host?: string): string[] {
    const allowed: string[] = [];
    for (const method of this.methods) {
      if (this.router.find(method as HTTPMethod, path, host === undefined ? undefined : { host }) !== null) allowed.push(method);
    }
    return allowed;
  }

  /** The table as text, for logs and debugging. */
  describe(): string {
    return this.router.prettyPrint();
  }

  private classifyMiss(method: string, path: string, host: string | undefined): RouteHandle {
    if (path.includes('%') && !isWellEncoded(path)) {
      return errorResponseHandle(400, () => 'Malformed percent-encoding in the request path');
    }
    const allowed = this.allowedMethods(path, host);
    if (allowed.length > 0) {
      return errorResponseHandle(405, (request) => `Cannot ${request.method} ${request.url}`, ['allow', allowed.join(', ')]);
    }
    return errorResponseHandle(404, (request) => `Cannot ${request.method} ${request.url}`);
  }
}

function isWellEncoded(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}


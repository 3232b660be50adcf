import type { HttpMiddleware } from '../../wrap/middleware';
import { compileCorsConfig, type CorsConfig } from './cors-config';
import { corsMiddleware } from './cors-middleware';
import type { OriginPredicate } from './origin-rule';

/**
 * A CORS middleware that is also its own builder: each method returns a new middleware with one
 * more setting (the receiver is not changed), so `Cors.default().allowOrigin('https://app.example')`
 * can be handed straight to `app.use()` or `.wrap()`. Settings are compiled when each is built,
 * never per request.
 */
export interface CorsMiddleware extends HttpMiddleware {
  /** The settings this middleware was built from. */
  readonly config: Readonly<CorsConfig>;
  /** Allows these origins (exact, without case, or RegExps), added to those allowed so far. */
  allowOrigin(...origins: Array<string | RegExp>): CorsMiddleware;
  /** Decides origins with a function (may be async); replaces earlier origin settings. */
  allowOriginWith(predicate: OriginPredicate): CorsMiddleware;
  /** Any origin: `*`, or the request's origin reflected when credentials are on. */
  allowAnyOrigin(): CorsMiddleware;
  allowMethods(...methods: string[]): CorsMiddleware;
  /** Preflights get whatever method they ask for. */
  allowAnyMethod(): CorsMiddleware;
  allowHeaders(...headers: string[]): CorsMiddleware;
  /** Preflights get whatever request headers they ask for (the default). */
  allowAnyHeader(): CorsMiddleware;
  exposeHeaders(...headers: string[]): CorsMiddleware;
  /** Every response header readable by scripts. */
  exposeAnyHeader(): CorsMiddleware;
  allowCredentials(allow?: boolean): CorsMiddleware;
  /** Seconds a browser may cache a preflight answer. */
  maxAge(seconds: number): CorsMiddleware;
}

/** A CORS middleware from options (the object form of the `Cors` builder). */
export function cors(config: CorsConfig = {}): CorsMiddleware {
  const middleware = corsMiddleware(compileCorsConfig(config)) as CorsMiddleware;
  const derive = (change: Partial<CorsConfig>) => cors({ ...config, ...change });
  const listedOrigins = (): Array<string | RegExp> => {
    const origin = config.origin;
    if (origin === undefined || typeof origin === 'function') return [];
    return typeof origin === 'string' || origin instanceof RegExp ? [origin] : [...(origin as ReadonlyArray<string | RegExp>)];
  };
  const builder: Omit<CorsMiddleware, keyof HttpMiddleware> = {
    config: Object.freeze({ ...config }),
    allowOrigin: (...origins) => derive({ origin: [...listedOrigins(), ...origins] }),
    allowOriginWith: (predicate) => derive({ origin: predicate }),
    allowAnyOrigin: () => derive({ origin: '*' }),
    allowMethods: (...methods) => derive({ methods: [...(Array.isArray(config.methods) ? config.methods : []), ...methods] }),
    allowAnyMethod: () => derive({ methods: '*' }),
    allowHeaders: (...headers) => derive({ allowedHeaders: [...(Array.isArray(config.allowedHeaders) ? config.allowedHeaders : []), ...headers] }),
    allowAnyHeader: () => derive({ allowedHeaders: '*' }),
    exposeHeaders: (...headers) => derive({ exposedHeaders: [...(Array.isArray(config.exposedHeaders) ? config.exposedHeaders : []), ...headers] }),
    exposeAnyHeader: () => derive({ exposedHeaders: '*' }),
    allowCredentials: (allow = true) => derive({ credentials: allow }),
    maxAge: (seconds) => derive({ maxAge: seconds }),
  };
  return Object.assign(middleware, builder);
}

/** Ready-made CORS policies; each is a middleware and a builder. */
export const Cors = {
  /**
   * Allows everything: any origin (reflected, so that credentials work), credentials, any method,
   * any requested header, every response header exposed. For development and fully public APIs:
   * every site a user visits can then call the API with the user's cookies.
   */
  permissive(): CorsMiddleware {
    return cors({ origin: '*', credentials: true, methods: '*', allowedHeaders: '*', exposedHeaders: '*' });
  },
  /** Strict: no origin is allowed until `allowOrigin(...)`/`allowOriginWith(...)` says which. */
  default(): CorsMiddleware {
    return cors();
  },
};

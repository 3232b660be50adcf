import { ANY_HEADER, ECHO, type CorsRules } from './cors-rules';
import { compileOriginRule, type OriginRule, type OriginSetting } from './origin-rule';

/** Options of the `Cors` middleware (`cors(config)`, or built with `Cors.default()...`). */
export interface CorsConfig {
  /**
   * Allowed origins: an origin (`'https://app.example'`), a RegExp, a list of both, `'*'` for any,
   * or a function deciding per request (may be async). None by default: nothing is allowed.
   */
  readonly origin?: OriginSetting;
  /** Allow cookies and HTTP auth (`Access-Control-Allow-Credentials: true`). Never sent with `*`: the origin is reflected instead. */
  readonly credentials?: boolean;
  /** Methods a preflight allows; `'*'` answers with whatever method was asked. Default: GET, HEAD, PUT, PATCH, POST, DELETE. */
  readonly methods?: '*' | readonly string[];
  /** Request headers a preflight allows; `'*'` (the default) answers with the headers asked for. */
  readonly allowedHeaders?: '*' | readonly string[];
  /** Response headers scripts may read; `'*'` for all of them (listed by name when credentials are on). */
  readonly exposedHeaders?: '*' | readonly string[];
  /** How long (seconds) the browser may cache a preflight's answer. */
  readonly maxAge?: number;
  /** Status of an answered preflight (default 204; some old clients want 200). */
  readonly preflightStatus?: number;
}

export const DEFAULT_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';

/** The config compiled once: the shared CORS rules plus the middleware's origin matcher. */
export interface CompiledCors {
  readonly rules: CorsRules;
  readonly matchOrigin: OriginRule;
  /** `*` is allowed, so answers carry `Access-Control-Allow-Origin: *` even without an Origin. */
  readonly anyOrigin: boolean;
  readonly preflightStatus: number;
}

export function compileCorsConfig(config: CorsConfig): CompiledCors {
  const matchOrigin = compileOriginRule(config.origin);
  const anyOrigin = config.origin === '*' || (Array.isArray(config.origin) && config.origin.includes('*'));
  if (config.maxAge !== undefined && (!Number.isInteger(config.maxAge) || config.maxAge < 0)) {
    throw new Error(`Cors: maxAge must be a whole number of seconds, got ${config.maxAge}`);
  }
  const rules: CorsRules = {
    credentials: config.credentials === true,
    methods: config.methods === '*' ? ECHO : (config.methods?.map((m) => m.toUpperCase()).join(',') ?? DEFAULT_METHODS),
    allowedHeaders: config.allowedHeaders === undefined || config.allowedHeaders === '*' ? ECHO : config.allowedHeaders.join(','),
    exposedHeaders: config.exposedHeaders === '*' ? ANY_HEADER : config.exposedHeaders?.length ? config.exposedHeaders.join(',') : undefined,
    maxAge: config.maxAge,
  };
  return { rules, matchOrigin, anyOrigin, preflightStatus: config.preflightStatus ?? 204 };
}

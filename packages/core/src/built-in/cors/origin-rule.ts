import type { HttpRequest } from '../../wrap/http-request';
import type { AllowedOrigin } from './cors-rules';

/** Decides per request whether an origin is allowed (may be async, e.g. a tenant lookup). */
export type OriginPredicate = (origin: string, req: HttpRequest) => boolean | Promise<boolean>;

/** Which origins the `Cors` middleware allows. */
export type OriginSetting = '*' | string | RegExp | ReadonlyArray<string | RegExp> | OriginPredicate;

/** The compiled form: the allowed-origin value for a request that sent `origin`. */
export type OriginRule = (origin: string, req: HttpRequest) => AllowedOrigin | Promise<AllowedOrigin>;

const REFUSE_ALL: OriginRule = () => undefined;
const ANY: OriginRule = () => '*';

/**
 * Compiles the origin setting once. Listed origins are compared without case and without a
 * trailing slash (`https://App.example/` allows `https://app.example`) and the request's origin
 * is reflected when allowed; RegExps are tested as given (anchor them: `/example\.com$/` would
 * also allow `https://evil-example.com`); a predicate that throws or rejects refuses.
 */
export function compileOriginRule(setting: OriginSetting | undefined): OriginRule {
  if (setting === undefined) return REFUSE_ALL;
  if (setting === '*') return ANY;
  if (typeof setting === 'function') return fromPredicate(setting as OriginPredicate);
  const list: ReadonlyArray<string | RegExp> = typeof setting === 'string' || setting instanceof RegExp ? [setting] : (setting as ReadonlyArray<string | RegExp>);
  const exact = new Set(list.filter((entry): entry is string => typeof entry === 'string').map(normalizeOrigin));
  const patterns = list.filter((entry): entry is RegExp => entry instanceof RegExp);
  if (exact.has('*')) return ANY;
  return (origin) => {
    if (exact.has(origin.toLowerCase())) return origin;
    for (const pattern of patterns) {
      pattern.lastIndex = 0; // a /g or /y pattern keeps state between tests
      if (pattern.test(origin)) return origin;
    }
    return undefined;
  };
}

function fromPredicate(predicate: OriginPredicate): OriginRule {
  return (origin, req) => {
    let decided: boolean | Promise<boolean>;
    try {
      decided = predicate(origin, req);
    } catch {
      return undefined;
    }
    if (typeof decided === 'boolean') return decided ? origin : undefined;
    return Promise.resolve(decided).then(
      (allowed) => (allowed === true ? origin : undefined),
      () => undefined,
    );
  };
}

function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

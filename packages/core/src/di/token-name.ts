import { isForwardReference } from './forward-ref';

/** A token as people read it in error messages: class name, string, or `Symbol(desc)`. */
export function tokenName(token: unknown): string {
  if (typeof token === 'function') return token.name || 'anonymous class';
  if (typeof token === 'string') return token;
  if (typeof token === 'symbol') return token.toString();
  if (isForwardReference(token)) {
    const target = safelyResolve(token.forwardRef);
    return target === undefined ? 'forwardRef(undefined)' : tokenName(target);
  }
  return String(token);
}

function safelyResolve(fn: () => unknown): unknown {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

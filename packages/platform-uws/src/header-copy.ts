import type { IncomingHeaders } from '@armature/core';

// Repeated header lines are merged with node's rules (IncomingMessage), so that `req.headers` looks
// the same on both adapters: these keep their first value, set-cookie becomes an array, cookie is
// joined with '; ' and every other header with ', '.
const FIRST_VALUE_WINS = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

const hasOwn = Object.prototype.hasOwnProperty;

/** Adds one received header line (name already lower case, as uWS gives it) to `target`. */
export function addHeaderLine(target: IncomingHeaders, name: string, value: string): void {
  const previous = target[name];
  if (previous === undefined) {
    target[name] = name === 'set-cookie' ? [value] : value;
    return;
  }
  // Rare path: a repeated header, or a name such as `constructor` that reads through the prototype.
  if (!hasOwn.call(target, name)) {
    Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
    return;
  }
  if (Array.isArray(previous)) {
    previous.push(value);
    return;
  }
  if (FIRST_VALUE_WINS.has(name)) return;
  target[name] = `${previous}${name === 'cookie' ? '; ' : ', '}${value}`;
}

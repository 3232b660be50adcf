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

/**
 * The internalized constant for a common header name, else the name itself. uWS hands over a new
 * string for every name; used as a property key, V8 must first find its internalized twin (a hash
 * and a table probe, twice: the read and the write below). A length switch and one comparison
 * are cheaper for the names most requests carry.
 */
export function commonHeaderName(name: string): string {
  switch (name.length) {
    case 4:
      return name === 'host' ? 'host' : name;
    case 6:
      return name === 'accept' ? 'accept' : name === 'cookie' ? 'cookie' : name === 'origin' ? 'origin' : name;
    case 7:
      return name === 'referer' ? 'referer' : name;
    case 9:
      return name === 'x-api-key' ? 'x-api-key' : name;
    case 10:
      return name === 'user-agent' ? 'user-agent' : name === 'connection' ? 'connection' : name;
    case 12:
      return name === 'content-type' ? 'content-type' : name === 'x-request-id' ? 'x-request-id' : name;
    case 13:
      return name === 'authorization' ? 'authorization' : name === 'cache-control' ? 'cache-control' : name === 'if-none-match' ? 'if-none-match' : name;
    case 14:
      return name === 'content-length' ? 'content-length' : name;
    case 15:
      return name === 'accept-encoding' ? 'accept-encoding' : name === 'accept-language' ? 'accept-language' : name === 'x-forwarded-for' ? 'x-forwarded-for' : name;
    case 17:
      return name === 'transfer-encoding' ? 'transfer-encoding' : name;
    default:
      return name;
  }
}

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

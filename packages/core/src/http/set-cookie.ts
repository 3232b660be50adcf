
/** Express's `res.cookie()` options. */
export interface CookieOptions {
  /** Lifetime in milliseconds (Express's unit): sets both `Max-Age` (seconds) and `Expires`. */
  maxAge?: number;
  expires?: Date;
  domain?: string;
  /** Defaults to `/`. */
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
  /** `true` means `Strict`. */
  sameSite?: boolean | 'lax' | 'strict' | 'none';
  priority?: 'low' | 'medium' | 'high';
  partitioned?: boolean;
  /** Sign the value with the secret given to `cookie-parser` (read back from `req.signedCookies`). */
  signed?: boolean;
  /** Value encoder; `encodeURIComponent` by default. */
  encode?: (value: string) => string;
}

// RFC 6265: a cookie name is an HTTP token; a value may not contain controls, spaces, `"`, `,`, `;` or `\`.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_VALUE = /^[\u0021\u0023-\u002B\u002D-\u003A\u003C-\u005B\u005D-\u007E]*$/;
const ATTRIBUTE_VALUE = /^[\u0020-\u003A\u003C-\u007E]*$/;

/**
 * The `Set-Cookie` value Express's `res.cookie(name, value, options)` produces: objects become
 * `j:` + JSON (what cookie-parser decodes back), signed values `s:` + value + signature.
 */
export function serializeCookie(name: string, value: unknown, options: CookieOptions, secret: string | undefined): string {
  if (!TOKEN.test(name)) throw new TypeError(`Invalid cookie name: ${name}`);
  let text = typeof value === 'object' && value !== null ? `j:${JSON.stringify(value)}` : String(value);
  if (options.signed) {
    if (secret === undefined || secret === '') throw new Error('cookieParser("secret") required for signed cookies');
    text = `s:${signCookieValue(text, secret)}`;
  }
  const encoded = (options.encode ?? encodeURIComponent)(text);
  if (!COOKIE_VALUE.test(encoded)) throw new TypeError(`Invalid cookie value for ${name}`);

  let cookie = `${name}=${encoded}`;
  let expires = options.expires;
  if (options.maxAge !== undefined && !Number.isNaN(Number(options.maxAge))) {
    const maxAge = Number(options.maxAge);
    expires = new Date(Date.now() + maxAge);
    cookie += `; Max-Age=${Math.floor(maxAge / 1000)}`;
  }
  if (options.domain !== undefined) cookie += `; Domain=${attribute('domain', options.domain)}`;
  cookie += `; Path=${attribute('path', options.path ?? '/')}`;
  if (expires !== undefined) cookie += `; Expires=${expires.toUTCString()}`;
  if (options.httpOnly) cookie += '; HttpOnly';
  if (options.secure) cookie += '; Secure';
  if (options.partitioned) cookie += '; Partitioned';
  if (options.priority !== undefined) cookie += `; Priority=${oneOf('priority', options.priority, ['low', 'medium', 'high'])}`;
  if (options.sameSite !== undefined && options.sameSite !== false) {
    cookie += `; SameSite=${options.sameSite === true ? 'Strict' : oneOf('sameSite', options.sameSite, ['lax', 'strict', 'none'])}`;
  }
  return cookie;
}

/** cookie-signature's format: value + '.' + base64 HMAC-SHA256 without padding (what cookie-parser verifies). */
export function signCookieValue(value: string, secret: string): string {
  // node:crypto is required here, on first use, not at import.
  const { createHmac } = require('node:crypto') as typeof import('node:crypto');
  return `${value}.${createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')}`;
}

function attribute(name: string, value: string): string {
  if (!ATTRIBUTE_VALUE.test(value)) throw new TypeError(`Invalid cookie ${name}: ${value}`);
  return value;
}

/** An enumerated attribute, capitalised as browsers document it (`Lax`, `High`). */
function oneOf(name: string, value: string, allowed: readonly string[]): string {
  const lower = String(value).toLowerCase();
  if (!allowed.includes(lower)) throw new TypeError(`Invalid cookie ${name}: ${value}`);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

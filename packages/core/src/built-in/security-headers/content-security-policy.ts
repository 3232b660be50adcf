import type { ContentSecurityPolicyOptions, CspDirectives } from './security-headers-options';

/** The default policy: same-origin everything, no plugins, no inline scripts, no framing by others. */
export const DEFAULT_CSP_DIRECTIVES: CspDirectives = Object.freeze({
  'default-src': "'self'",
  'base-uri': "'self'",
  'font-src': ["'self'", 'https:', 'data:'],
  'form-action': "'self'",
  'frame-ancestors': "'self'",
  'img-src': ["'self'", 'data:'],
  'object-src': "'none'",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': ["'self'", 'https:', "'unsafe-inline'"],
  'upgrade-insecure-requests': true,
});

/** `defaultSrc` → `default-src`; names already in kebab case pass through. */
function directiveName(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

// A `;` or `,` would start another directive or policy; quotes and control characters have no place here.
const UNSAFE_VALUE = /[;,\r\n\0]/;

/** Serialises the policy once, at startup, refusing values that would inject extra directives. */
export function contentSecurityPolicyValue(options: ContentSecurityPolicyOptions): string {
  const merged = new Map<string, string | readonly string[] | boolean>();
  if (options.useDefaults !== false) for (const [name, value] of Object.entries(DEFAULT_CSP_DIRECTIVES)) merged.set(name, value);
  for (const [name, value] of Object.entries(options.directives ?? {})) merged.set(directiveName(name), value);
  const parts: string[] = [];
  for (const [name, value] of merged) {
    if (!/^[a-z-]+$/.test(name)) throw new TypeError(`securityHeaders: "${name}" is not a Content-Security-Policy directive name`);
    if (value === false) continue;
    if (value === true) {
      parts.push(name);
      continue;
    }
    const values = typeof value === 'string' ? [value] : value;
    for (const item of values) {
      if (UNSAFE_VALUE.test(item)) throw new TypeError(`securityHeaders: the value ${JSON.stringify(item)} of ${name} contains a separator`);
    }
    parts.push(values.length === 0 ? name : `${name} ${values.join(' ')}`);
  }
  if (parts.length === 0) throw new TypeError('securityHeaders: the Content-Security-Policy has no directives (pass contentSecurityPolicy: false to leave it out)');
  return parts.join(';');
}

import { contentSecurityPolicyValue } from './content-security-policy';
import type { SecurityHeadersOptions, StrictTransportSecurityOptions } from './security-headers-options';

const ONE_YEAR = 31_536_000;

function strictTransportSecurityValue(options: StrictTransportSecurityOptions): string {
  const maxAge = options.maxAge ?? ONE_YEAR;
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new TypeError(`securityHeaders: strictTransportSecurity.maxAge must be a whole number of seconds, got ${maxAge}`);
  let value = `max-age=${maxAge}`;
  if (options.includeSubDomains !== false) value += '; includeSubDomains';
  if (options.preload === true) value += '; preload';
  return value;
}

function referrerPolicyValue(policy: string | readonly string[]): string {
  const list = typeof policy === 'string' ? [policy] : policy;
  for (const item of list) {
    if (!/^[a-z-]+$/.test(item)) throw new TypeError(`securityHeaders: "${item}" is not a Referrer-Policy value`);
  }
  return list.join(',');
}

/**
 * The headers to add, as a flat `[name, value, ...]` list, computed once when the middleware is
 * built (nothing is formatted per request).
 */
export function buildSecurityHeaders(options: SecurityHeadersOptions = {}): string[] {
  const headers: string[] = [];
  const add = (name: string, value: string | false | undefined) => {
    if (value !== false && value !== undefined) headers.push(name, value);
  };
  const csp = options.contentSecurityPolicy ?? {};
  if (csp !== false) {
    const value = typeof csp === 'string' ? csp : contentSecurityPolicyValue(csp);
    if (/[\r\n]/.test(value)) throw new TypeError('securityHeaders: the Content-Security-Policy contains a line break');
    add(typeof csp === 'object' && csp.reportOnly === true ? 'content-security-policy-report-only' : 'content-security-policy', value);
  }
  add('cross-origin-embedder-policy', options.crossOriginEmbedderPolicy ?? false);
  add('cross-origin-opener-policy', options.crossOriginOpenerPolicy ?? 'same-origin');
  add('cross-origin-resource-policy', options.crossOriginResourcePolicy ?? 'same-origin');
  add('origin-agent-cluster', options.originAgentCluster !== false && '?1');
  const referrer = options.referrerPolicy ?? 'no-referrer';
  add('referrer-policy', referrer !== false && referrerPolicyValue(referrer));
  const hsts = options.strictTransportSecurity ?? {};
  add('strict-transport-security', hsts !== false && strictTransportSecurityValue(hsts));
  add('x-content-type-options', options.xContentTypeOptions !== false && 'nosniff');
  add('x-dns-prefetch-control', options.xDnsPrefetchControl ?? 'off');
  add('x-download-options', options.xDownloadOptions !== false && 'noopen');
  add('x-frame-options', options.xFrameOptions ?? 'SAMEORIGIN');
  add('x-permitted-cross-domain-policies', options.xPermittedCrossDomainPolicies ?? 'none');
  add('x-xss-protection', options.xXssProtection !== false && '0');
  return headers;
}

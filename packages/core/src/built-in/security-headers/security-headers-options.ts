/** Directive name → value(s); `true` for a directive without a value (`upgrade-insecure-requests`). */
export type CspDirectives = Record<string, string | readonly string[] | true | false>;

export interface ContentSecurityPolicyOptions {
  /** Directives, in camelCase (`defaultSrc`) or as written (`default-src`). */
  readonly directives?: CspDirectives;
  /** Start from the default policy and override/extend it with `directives` (default true). `false` removes a default directive. */
  readonly useDefaults?: boolean;
  /** Send `Content-Security-Policy-Report-Only` instead (violations are reported, not blocked). */
  readonly reportOnly?: boolean;
}

export interface StrictTransportSecurityOptions {
  /** Seconds (default 31536000, one year). */
  readonly maxAge?: number;
  readonly includeSubDomains?: boolean;
  readonly preload?: boolean;
}

/**
 * Each header: `false` leaves it out, a value replaces the default. Defaults follow the common
 * hardened set (helmet's): safe for APIs and most server-rendered pages.
 */
export interface SecurityHeadersOptions {
  readonly contentSecurityPolicy?: false | string | ContentSecurityPolicyOptions;
  /** Off by default: `require-corp` breaks pages that embed cross-origin resources without CORP. */
  readonly crossOriginEmbedderPolicy?: false | 'require-corp' | 'credentialless' | 'unsafe-none';
  readonly crossOriginOpenerPolicy?: false | 'same-origin' | 'same-origin-allow-popups' | 'unsafe-none';
  readonly crossOriginResourcePolicy?: false | 'same-origin' | 'same-site' | 'cross-origin';
  readonly originAgentCluster?: boolean;
  /** One policy or a fallback list (`['no-referrer', 'strict-origin-when-cross-origin']`). */
  readonly referrerPolicy?: false | string | readonly string[];
  readonly strictTransportSecurity?: false | StrictTransportSecurityOptions;
  readonly xContentTypeOptions?: boolean;
  /** `false` leaves the header out; `'on'` allows DNS prefetching, `'off'` (default) forbids it. */
  readonly xDnsPrefetchControl?: false | 'on' | 'off';
  readonly xDownloadOptions?: boolean;
  readonly xFrameOptions?: false | 'DENY' | 'SAMEORIGIN';
  readonly xPermittedCrossDomainPolicies?: false | 'none' | 'master-only' | 'by-content-type' | 'all';
  /** `X-XSS-Protection: 0`: the legacy XSS auditor caused more leaks than it stopped, so it is switched off. */
  readonly xXssProtection?: boolean;
  /** Remove `X-Powered-By` from responses (default true): it only helps an attacker fingerprint the stack. */
  readonly hidePoweredBy?: boolean;
}

export { securityHeaders } from './security-headers';
export { DEFAULT_CSP_DIRECTIVES } from './content-security-policy';
export type { ContentSecurityPolicyOptions, CspDirectives, SecurityHeadersOptions, StrictTransportSecurityOptions } from './security-headers-options';

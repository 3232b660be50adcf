
export interface RequestIdOptions {
  /** The header read from the client and echoed back (default `x-request-id`). */
  readonly header?: string;
  /** Reuse a valid id the client (or a proxy in front) sent; otherwise always generate one (default true). */
  readonly trustIncoming?: boolean;
  /** Longest incoming id accepted (default 128 characters); longer ones are replaced. */
  readonly maxLength?: number;
  /** Makes a new id (default `crypto.randomUUID()`). */
  readonly generate?: () => string;
  /** Echo the id in the response header (default true). */
  readonly setResponseHeader?: boolean;
}

export interface ResolvedRequestIdOptions {
  readonly header: string;
  readonly trustIncoming: boolean;
  readonly maxLength: number;
  readonly generate: () => string;
  readonly setResponseHeader: boolean;
}

// Header names are RFC 9110 tokens; checked once so a typo fails at startup, not per request.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function resolveRequestIdOptions(options: RequestIdOptions = {}): ResolvedRequestIdOptions {
  const header = (options.header ?? 'x-request-id').toLowerCase();
  if (!TOKEN.test(header)) throw new TypeError(`requestId: "${options.header}" is not a valid header name`);
  const maxLength = options.maxLength ?? 128;
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new TypeError(`requestId: maxLength must be a positive integer, got ${maxLength}`);
  return {
    header,
    trustIncoming: options.trustIncoming ?? true,
    maxLength,
    generate: options.generate ?? defaultRequestId,
    setResponseHeader: options.setResponseHeader ?? true,
  };
}

/** `crypto.randomUUID()`, node:crypto being required on first use rather than at import. */
function defaultRequestId(): string {
  return (require('node:crypto') as typeof import('node:crypto')).randomUUID();
}

export interface TimeoutOptions {
  /** How long the route may take, in milliseconds. */
  readonly ms: number;
  /** Status when the request body was still arriving at the deadline (default 408 Request Timeout). */
  readonly bodyStatus?: number;
  /** Status when the request was complete but the answer was not ready (default 503 Service Unavailable). */
  readonly status?: number;
  /** The `message` of the error body (default 'Request timed out'). */
  readonly message?: string;
}

export interface ResolvedTimeoutOptions {
  readonly ms: number;
  readonly bodyStatus: number;
  readonly status: number;
  readonly message: string;
}

// setTimeout's largest delay; above it node fires at once (with a warning).
const MAX_DELAY = 2_147_483_647;

export function resolveTimeoutOptions(options: number | TimeoutOptions): ResolvedTimeoutOptions {
  const resolved = typeof options === 'number' ? { ms: options } : options;
  const { ms } = resolved;
  if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_DELAY) throw new TypeError(`timeout: ms must be between 1 and ${MAX_DELAY}, got ${ms}`);
  const bodyStatus = checkStatus(resolved.bodyStatus ?? 408, 'bodyStatus');
  const status = checkStatus(resolved.status ?? 503, 'status');
  return { ms, bodyStatus, status, message: resolved.message ?? 'Request timed out' };
}

function checkStatus(status: number, name: string): number {
  if (!Number.isInteger(status) || status < 400 || status > 599) throw new TypeError(`timeout: ${name} must be an error status (400-599), got ${status}`);
  return status;
}

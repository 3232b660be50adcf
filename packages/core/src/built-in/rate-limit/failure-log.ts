import type { LoggerService } from '../../application/logger';

/**
 * Logs store failures without flooding: the first one at once, then at most one line per
 * `intervalMs` saying how many failed meanwhile (a Redis outage would otherwise write a line per request).
 */
export function throttledFailureLog(logger: LoggerService, intervalMs: number, clock: () => number): (error: unknown, failMode: string) => void {
  let lastLoggedAt = -Infinity;
  let suppressed = 0;
  return (error, failMode) => {
    const now = clock();
    if (now - lastLoggedAt < intervalMs) {
      suppressed++;
      return;
    }
    const also = suppressed > 0 ? ` (${suppressed} more failures since the last report)` : '';
    lastLoggedAt = now;
    suppressed = 0;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    logger.error(`Rate limit store failed, failing ${failMode}${also}: ${detail}`, 'RateLimit');
  };
}

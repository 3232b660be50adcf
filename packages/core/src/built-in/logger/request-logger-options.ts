import type pino from 'pino';

export interface RequestLoggerOptions {
  /** Least severe level written (default 'info'); 'silent' writes nothing. */
  readonly level?: pino.LevelWithSilent;
  /** Paths hidden in every line, e.g. `['req.headers.authorization']`, or pino's full redact options. */
  readonly redact?: string[] | pino.redactOptions;
  /** Where lines go (default stdout): `pino.destination('/var/log/app.log')`, or any `{ write(line) }`. */
  readonly destination?: pino.DestinationStream;
  /**
   * Request headers copied into each line under `req.headers` (default none; 'all' for every one).
   * Only these are read off the request, so on uWS only these are copied.
   */
  readonly requestHeaders?: readonly string[] | 'all';
  /** The level of a request's line from its status (default: 5xx error, 4xx warn, otherwise info). */
  readonly levelForStatus?: (status: number) => pino.Level;
  /** Write through an existing pino logger instead of making one (`level` and `redact` still apply, to a child). */
  readonly logger?: pino.Logger;
  /** More pino options for the logger made here (name, base fields, timestamp, formatters...). */
  readonly pinoOptions?: Omit<pino.LoggerOptions, 'level' | 'redact'>;
}

/** 5xx → error, 4xx → warn, the rest → info. */
export function defaultLevelForStatus(status: number): pino.Level {
  return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
}

import type pino from 'pino';
import { loadPino } from './load-pino';
import type { RequestLoggerOptions } from './request-logger-options';

/** The pino logger a request logger writes through: the one given (narrowed by a child), or a new one. */
export function createPinoLogger(options: RequestLoggerOptions): pino.Logger {
  const { level, redact } = options;
  if (options.logger !== undefined) {
    if (options.destination !== undefined || options.pinoOptions !== undefined) {
      throw new TypeError('requestLogger: `destination` and `pinoOptions` configure a new pino logger; they cannot apply to the `logger` you passed');
    }
    if (level === undefined && redact === undefined) return options.logger;
    return options.logger.child({}, { ...(level === undefined ? {} : { level }), ...(redact === undefined ? {} : { redact }) });
  }
  const pinoOptions: pino.LoggerOptions = { ...options.pinoOptions, level: level ?? 'info', ...(redact === undefined ? {} : { redact }) };
  const create = loadPino();
  return options.destination === undefined ? create(pinoOptions) : create(pinoOptions, options.destination);
}

import { requestLogger } from '../built-in/logger/request-logger';
import type { RequestLoggerOptions } from '../built-in/logger/request-logger-options';
import type { HttpMiddleware } from '../wrap/middleware';
import { workerLogTag } from '../workers/worker-identity';

export type LogLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/** NestJS's LoggerService contract: any object with these methods can replace Armature's logger. */
export interface LoggerService {
  log(message: unknown, ...optionalParams: unknown[]): void;
  error(message: unknown, ...optionalParams: unknown[]): void;
  warn(message: unknown, ...optionalParams: unknown[]): void;
  debug?(message: unknown, ...optionalParams: unknown[]): void;
  verbose?(message: unknown, ...optionalParams: unknown[]): void;
  fatal?(message: unknown, ...optionalParams: unknown[]): void;
}

const ALL_LEVELS: LogLevel[] = ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'];

/** Writes `[Armature] pid - time LEVEL [Context] message` lines to stdout/stderr. */
export class ConsoleLogger implements LoggerService {
  private levels: Set<LogLevel>;

  constructor(
    private readonly context?: string,
    levels: LogLevel[] = ALL_LEVELS,
  ) {
    this.levels = new Set(levels);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.levels = new Set(levels);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    // NestJS convention: a trailing string argument is the context.
    let context = this.context;
    const params = [...rest];
    if (params.length > 0 && typeof params[params.length - 1] === 'string') context = params.pop() as string;
    const stack = level === 'error' && typeof params[0] === 'string' && params[0].includes('\n') ? `\n${params.shift()}` : '';
    const text = message instanceof Error ? (message.stack ?? message.message) : typeof message === 'string' ? message : JSON.stringify(message);
    const extra = params.length > 0 ? ` ${params.map((p) => (p instanceof Error ? p.stack : typeof p === 'string' ? p : JSON.stringify(p))).join(' ')}` : '';
    const line = `[Armature] ${process.pid}${workerLogTag()}  - ${new Date().toISOString()} ${level.toUpperCase().padStart(7)} ${context ? `[${context}] ` : ''}${text}${extra}${stack}\n`;
    (level === 'error' || level === 'fatal' || level === 'warn' ? process.stderr : process.stdout).write(line);
  }
}

/** A logger that drops everything (`logger: false`). */
export class SilentLogger implements LoggerService {
  log(): void {}
  error(): void {}
  warn(): void {}
}

/**
 * NestJS's static-and-instance `Logger`: `new Logger('Ctx').log(...)` or `Logger.log(...)`. All of
 * them write through the application's logger once one is set (`ArmatureFactory.create(..., { logger })`).
 */
export class Logger implements LoggerService {
  private static target: LoggerService = new ConsoleLogger();

  /**
   * Request logging middleware on pino with the defaults: one JSON line per request to stdout at
   * 'info' and above (`app.use(Logger.default())`, `App.new().wrap(Logger.default())`).
   */
  static default(): HttpMiddleware {
    return requestLogger();
  }

  /** Request logging middleware on pino, configured: level, redaction, destination, headers... (see `requestLogger`). */
  static requests(options: RequestLoggerOptions): HttpMiddleware {
    return requestLogger(options);
  }

  /** Used by the application to route every `Logger` through its configured logger. */
  static overrideLogger(logger: LoggerService | LogLevel[] | false): void {
    if (logger === false) Logger.target = new SilentLogger();
    else if (Array.isArray(logger)) Logger.target = new ConsoleLogger(undefined, logger);
    else Logger.target = logger;
  }

  static log(message: unknown, context?: string): void {
    Logger.target.log(message, ...(context ? [context] : []));
  }
  static error(message: unknown, stackOrContext?: string, context?: string): void {
    Logger.target.error(message, ...[stackOrContext, context].filter((x) => x !== undefined));
  }
  static warn(message: unknown, context?: string): void {
    Logger.target.warn(message, ...(context ? [context] : []));
  }
  static debug(message: unknown, context?: string): void {
    Logger.target.debug?.(message, ...(context ? [context] : []));
  }
  static verbose(message: unknown, context?: string): void {
    Logger.target.verbose?.(message, ...(context ? [context] : []));
  }

  constructor(private readonly context?: string) {}

  log(message: unknown, ...rest: unknown[]): void {
    Logger.target.log(message, ...this.withContext(rest));
  }
  error(message: unknown, ...rest: unknown[]): void {
    Logger.target.error(message, ...this.withContext(rest));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    Logger.target.warn(message, ...this.withContext(rest));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    Logger.target.debug?.(message, ...this.withContext(rest));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    Logger.target.verbose?.(message, ...this.withContext(rest));
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    (Logger.target.fatal ?? Logger.target.error).call(Logger.target, message, ...this.withContext(rest));
  }

  private withContext(rest: unknown[]): unknown[] {
    if (this.context === undefined) return rest;
    if (rest.length > 0 && typeof rest[rest.length - 1] === 'string') return rest;
    return [...rest, this.context];
  }
}

import type { LoggerService, LogLevel } from './logger';
import type { CorsOptions } from '../pipeline/cors';

/** Options of `ArmatureFactory.create` (NestJS's `NestApplicationOptions`, plus Armature's limits). */
export interface ArmatureApplicationOptions {
  /** A logger, the levels to print, or `false` for none. */
  logger?: LoggerService | LogLevel[] | false;
  /** Largest accepted request body, in bytes (default 1 MiB); larger → 413. */
  bodyLimit?: number;
  /** Largest accepted request header block, in bytes (default 16 KiB); larger → 431. */
  maxHeaderSize?: number;
  /** Enables CORS for every route (`true` for the permissive defaults). */
  cors?: boolean | CorsOptions;
  /** NestJS exits the process on a boot error when true; Armature's default is to reject `create()` instead. */
  abortOnError?: boolean;
  /** How long `close()` waits for in-flight requests before closing their connections (default 10 s). */
  shutdownTimeoutMs?: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_MAX_HEADER_SIZE = 16 * 1024;

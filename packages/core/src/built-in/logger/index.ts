export { requestLogger } from './request-logger';
export { defaultLevelForStatus, type RequestLoggerOptions } from './request-logger-options';
export type { RequestLogLine } from './request-log-line';

import type { IncomingHeaders } from '../../http/request';
import type { HttpRequest } from '../../wrap/http-request';

/** The structured part of a request's line (pino adds level, time, pid, hostname and msg). */
export interface RequestLogLine {
  req: { id?: string; method: string; path: string; headers?: IncomingHeaders };
  res: { statusCode: number };
  /** Milliseconds from the middleware seeing the request to the response being complete. */
  responseTime: number;
  /** The failure behind a 5xx (pino's error serializer prints type, message and stack). */
  err?: unknown;
}

/** Picks the configured request headers, built once per line only for lines that are written. */
export type HeaderPicker = (req: HttpRequest) => IncomingHeaders | undefined;

export function headerPicker(requestHeaders: readonly string[] | 'all' | undefined): HeaderPicker {
  if (requestHeaders === undefined || (requestHeaders !== 'all' && requestHeaders.length === 0)) return () => undefined;
  if (requestHeaders === 'all') return (req) => req.headers;
  const names = requestHeaders.map((name) => name.toLowerCase());
  return (req) => {
    let picked: IncomingHeaders | undefined;
    for (const name of names) {
      const value = req.headers[name];
      if (value !== undefined) (picked ??= {})[name] = value;
    }
    return picked;
  };
}

export function requestLogLine(req: HttpRequest, status: number, startedAt: number, now: number, headers: IncomingHeaders | undefined, err: unknown): RequestLogLine {
  const line: RequestLogLine = {
    req: { id: req.id, method: req.method, path: req.path },
    res: { statusCode: status },
    responseTime: Math.round((now - startedAt) * 100) / 100,
  };
  if (req.id === undefined) delete line.req.id;
  if (headers !== undefined) line.req.headers = headers;
  if (err !== undefined) line.err = err;
  return line;
}

/** `GET /users/7 200 1.25ms`: the line as a person scans it. */
export function requestLogMessage(line: RequestLogLine): string {
  return `${line.req.method} ${line.req.path} ${line.res.statusCode} ${line.responseTime}ms`;
}

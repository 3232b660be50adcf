import { STATUS_CODES } from 'node:http';

/** Reason phrase for a status code ('Not Found'), or 'Error' for unknown codes. */
export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * The JSON body of an error answered outside the pipeline (by an adapter or the route table),
 * in NestJS's shape: `{ message, error, statusCode }`.
 */
export function errorJson(status: number, message: string | string[]): string {
  return JSON.stringify({ message, error: statusText(status), statusCode: status });
}

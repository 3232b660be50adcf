import type { HttpResponse } from '../../wrap/http-response';

/**
 * Adds field names to a response's `Vary` (merged into one header, no duplicates, case-insensitive),
 * so that several middleware (CORS, compression) can each say what their answer depends on.
 * `Vary: *` already says everything and is left alone.
 */
export function addVary(response: HttpResponse, ...fields: string[]): HttpResponse {
  const headers = response.headers;
  const values: string[] = [];
  for (let i = 0; i < headers.length; i += 2) if (headers[i] === 'vary') values.push(headers[i + 1]);
  if (values.length === 0) return response.header('vary', fields.join(', '));
  const present = values.flatMap((value) => value.split(',')).map((field) => field.trim().toLowerCase());
  if (present.includes('*')) return response;
  const missing = fields.filter((field) => !present.includes(field.toLowerCase()));
  if (missing.length === 0 && values.length === 1) return response;
  return response.header('vary', [...values, ...missing].join(', '));
}

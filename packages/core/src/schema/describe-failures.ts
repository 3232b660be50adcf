import type { ErrorObject } from 'ajv';
import { fieldPath } from './field-path';
import { failuresOf } from './union-failures';

/** A hostile body could fail on every element of a huge array: the list stops here. */
export const MAX_REPORTED_FAILURES = 100;

/**
 * The `message` array of a 400 (and the list in a response-mismatch log): one
 * `<location><path> <what is wrong>` line per failing field, in the schema's order, without repeats.
 */
export function describeFailures(location: string, root: unknown, errors: readonly ErrorObject[]): string[] {
  const lines = [...new Set(failuresOf(errors).map((f) => `${fieldPath(location, root, f.instancePath, f.property)} ${f.message}`))];
  if (lines.length <= MAX_REPORTED_FAILURES) return lines;
  const hidden = lines.length - MAX_REPORTED_FAILURES;
  return [...lines.slice(0, MAX_REPORTED_FAILURES), `${location} has ${hidden} more invalid ${hidden === 1 ? 'field' : 'fields'}`];
}

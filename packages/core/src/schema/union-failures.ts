import type { ErrorObject } from 'ajv';
import { describeTypes, failureOf, listValues, type Failure } from './failure-messages';

/**
 * Turns ajv's errors into failures, folding each union (`anyOf`/`oneOf`) into what a reader
 * needs. With `allErrors`, ajv reports every branch's errors plus "must match a schema in
 * anyOf"; listing them all would say the same field is wrong in contradictory ways. So:
 * - a union of constants (TypeBox's `Union([Literal('a'), Literal('b')])`, enums) → `must be one of: "a", "b"`;
 * - exactly one branch of the right type → that branch's own errors (the value was meant to be it);
 * - branches that all declare types → `must be a string or null`;
 * - otherwise → `must match one of the allowed schemas`.
 * `if` errors are dropped: the `then`/`else` errors beside them say what is wrong.
 */
export function failuresOf(errors: readonly ErrorObject[]): Failure[] {
  let items: Array<ErrorObject | Failure> = errors.filter((error) => error.keyword !== 'if');
  const unions = items
    .filter((item): item is ErrorObject => isUnionError(item))
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length); // outermost first
  for (const union of unions) {
    const index = items.indexOf(union);
    if (index === -1) continue; // folded into an outer union already
    const prefix = `${union.schemaPath}/`;
    const inside = items.filter((item): item is ErrorObject => 'schemaPath' in item && item.schemaPath.startsWith(prefix));
    const replacement = explainUnion(union, inside);
    const folded = new Set<unknown>(inside);
    items = items.flatMap((item) => (item === union ? replacement : folded.has(item) ? [] : [item]));
  }
  return items.map((item) => ('schemaPath' in item ? failureOf(item) : item));
}

function isUnionError(item: ErrorObject | Failure): item is ErrorObject {
  return 'keyword' in item && (item.keyword === 'anyOf' || item.keyword === 'oneOf');
}

function explainUnion(union: ErrorObject, inside: readonly ErrorObject[]): Array<ErrorObject | Failure> {
  const at = (message: string): Failure[] => [{ instancePath: union.instancePath, message }];
  const branches = (Array.isArray(union.schema) ? union.schema : []) as Array<Record<string, unknown>>;
  if (union.keyword === 'oneOf' && (union.params as { passingSchemas?: unknown }).passingSchemas != null) {
    return at('must match exactly one of the allowed schemas');
  }
  if (branches.length > 0 && branches.every((branch) => 'const' in branch)) {
    return at(`must be one of: ${listValues(branches.map((branch) => branch.const))}`);
  }
  const prefix = `${union.schemaPath}/`;
  const rejectsOutright = (branch: number): boolean =>
    inside.some(
      (error) =>
        error.instancePath === union.instancePath &&
        (error.keyword === 'type' || error.keyword === 'const') &&
        error.schemaPath === `${prefix}${branch}/${error.keyword}`,
    );
  const candidates = branches.map((_, branch) => branch).filter((branch) => !rejectsOutright(branch));
  if (candidates.length === 1) {
    const branchPrefix = `${prefix}${candidates[0]}/`;
    const own = inside.filter((error) => error.schemaPath.startsWith(branchPrefix));
    // A branch behind a $ref reports paths of the referenced schema: then fall back to a summary.
    if (own.length > 0) return own;
  }
  if (branches.length > 0 && branches.every((branch) => branch.type !== undefined)) {
    const types = [...new Set(branches.flatMap((branch) => ([] as unknown[]).concat(branch.type).map(String)))];
    return at(`must be ${describeTypes(types)}`);
  }
  return at('must match one of the allowed schemas');
}

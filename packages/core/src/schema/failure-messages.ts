import type { ErrorObject } from 'ajv';

/** One failure, before it is given its path: `property` names a missing or forbidden child. */
export interface Failure {
  readonly instancePath: string;
  readonly property?: string;
  readonly message: string;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** `['string', 'null']` → `a string or null`. */
export function describeTypes(types: readonly string[]): string {
  return types.map((type) => ARTICLE[type] ?? type).join(' or ');
}

const plural = (count: unknown, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
/** `['a', 1]` → `"a", 1`. */
export const listValues = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');

/**
 * Words one ajv error the way the whole API words them: `<path> must ...` for a wrong value,
 * `<path> is required` / `<path> is not allowed` for a missing or an extra property.
 */
export function failureOf(error: ErrorObject): Failure {
  const { instancePath } = error;
  const params = error.params as Record<string, any>;
  const at = (message: string): Failure => ({ instancePath, message });
  switch (error.keyword) {
    case 'type':
      return at(`must be ${describeTypes(String(params.type).split(','))}`);
    case 'required':
      return { instancePath, property: params.missingProperty, message: 'is required' };
    case 'dependencies':
    case 'dependentRequired':
      return { instancePath, property: params.missingProperty, message: `is required when ${params.property} is present` };
    case 'additionalProperties':
      return { instancePath, property: params.additionalProperty, message: 'is not allowed' };
    case 'false schema':
      return at('is not allowed');
    case 'format':
      return at(`must be a valid ${params.format}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(`must be ${params.comparison} ${params.limit}`);
    case 'minLength':
      return at(`must be at least ${plural(params.limit, 'character', 'characters')} long`);
    case 'maxLength':
      return at(`must be at most ${plural(params.limit, 'character', 'characters')} long`);
    case 'minItems':
      return at(`must contain at least ${plural(params.limit, 'item', 'items')}`);
    case 'maxItems':
      return at(`must contain at most ${plural(params.limit, 'item', 'items')}`);
    case 'minProperties':
      return at(`must have at least ${plural(params.limit, 'property', 'properties')}`);
    case 'maxProperties':
      return at(`must have at most ${plural(params.limit, 'property', 'properties')}`);
    case 'uniqueItems':
      return at(`must not contain duplicates (items ${Math.min(params.i, params.j)} and ${Math.max(params.i, params.j)} are equal)`);
    case 'pattern':
      return at(`must match the pattern ${params.pattern}`);
    case 'enum':
      return at(`must be one of: ${listValues(params.allowedValues)}`);
    case 'const':
      return at(`must be equal to ${JSON.stringify(params.allowedValue)}`);
    case 'multipleOf':
      return at(`must be a multiple of ${params.multipleOf}`);
    case 'not':
      return at('must not match the excluded schema');
    default:
      // Every ajv message already reads "must ...".
      return at(error.message ?? 'is invalid');
  }
}

import type { ValidateFunction } from 'ajv';
import { BadRequestException } from '../exceptions';
import { describeFailures } from './describe-failures';

/** Validates one part of a request; returns the (coerced) value or throws a 400. */
export type InputValidator = (value: unknown) => unknown;

/**
 * Wraps a compiled validator for params, query or body. The value is coerced and given its
 * defaults in place (ajv's way), so the returned value is the one passed in. On failure: a
 * `BadRequestException` whose body is NestJS's ValidationPipe shape,
 * `{ message: ['body.name is required', ...], error: 'Bad Request', statusCode: 400 }`.
 */
export function inputValidator(validate: ValidateFunction, location: string): InputValidator {
  // Hot path: one call into ajv's generated code; the error path alone does extra work.
  return (value) => {
    if (validate(value)) return value;
    throw new BadRequestException(describeFailures(location, value, validate.errors ?? []));
  };
}

/**
 * Headers are validated on a shallow copy: coercion must not turn `request.headers` values into
 * numbers behind the back of code that reads them as strings. The coerced copy is returned.
 */
export function headersValidator(validate: ValidateFunction): InputValidator {
  const validateCopy = inputValidator(validate, 'headers');
  return (headers) => validateCopy({ ...(headers as object) });
}

import type { Type } from '../../di/type';
import type { ErrorHttpStatusCode } from '../http-error-by-code';
import type {
  ClassTransformOptions,
  TransformerPackage,
  ValidationError,
  ValidatorOptions,
  ValidatorPackage,
} from './validation-types';

/** NestJS's `ValidationPipeOptions`: class-validator's options plus the pipe's own. */
export interface ValidationPipeOptions extends ValidatorOptions {
  /** Hand the handler the class instance (and primitive params/query converted by their type). */
  transform?: boolean;
  /** Answer with a bare 400 (no list of messages). */
  disableErrorMessages?: boolean;
  transformOptions?: ClassTransformOptions;
  errorHttpStatusCode?: ErrorHttpStatusCode;
  /** Builds what is thrown from class-validator's errors (may be async). */
  exceptionFactory?: (errors: ValidationError[]) => any;
  /** Also validate the values of `createParamDecorator` decorators (type 'custom'). */
  validateCustomDecorators?: boolean;
  /** Validate against this class instead of the parameter's declared type. */
  expectedType?: Type<any>;
  /** Use this instead of `require('class-validator')`. */
  validatorPackage?: ValidatorPackage;
  /** Use this instead of `require('class-transformer')`. */
  transformerPackage?: TransformerPackage;
}

/**
 * The parts of class-validator's and class-transformer's types the ValidationPipe uses, declared here
 * so that core type-checks (and its .d.ts files read) without those optional packages installed.
 * They are structurally compatible with the packages' own types.
 */

/** class-validator's `ValidationError`. */
export interface ValidationError {
  /** The validated object (absent when `validationError.target` is false). */
  target?: object;
  property: string;
  /** The failing value (absent when `validationError.value` is false). */
  value?: any;
  /** Failed constraint name → message. */
  constraints?: { [type: string]: string };
  /** Errors of nested objects (`@ValidateNested()`), one per property or array index. */
  children?: ValidationError[];
  contexts?: { [type: string]: any };
}

/** class-validator's `ValidatorOptions`. */
export interface ValidatorOptions {
  skipMissingProperties?: boolean;
  skipNullProperties?: boolean;
  skipUndefinedProperties?: boolean;
  /** Strips properties that have no validation decorator. */
  whitelist?: boolean;
  /** With `whitelist`, fails on such properties instead of stripping them. */
  forbidNonWhitelisted?: boolean;
  /** Fails on objects class-validator knows nothing about (the pipe defaults it to false, as NestJS does). */
  forbidUnknownValues?: boolean;
  groups?: string[];
  always?: boolean;
  strictGroups?: boolean;
  dismissDefaultMessages?: boolean;
  validationError?: { target?: boolean; value?: boolean };
  stopAtFirstError?: boolean;
  enableDebugMessages?: boolean;
}

/** class-transformer's `ClassTransformOptions`. */
export interface ClassTransformOptions {
  strategy?: 'excludeAll' | 'exposeAll';
  excludeExtraneousValues?: boolean;
  groups?: string[];
  version?: number;
  excludePrefixes?: string[];
  ignoreDecorators?: boolean;
  targetMaps?: any[];
  enableCircularCheck?: boolean;
  /** Converts values by their `design:type` (e.g. query strings to numbers). */
  enableImplicitConversion?: boolean;
  exposeDefaultValues?: boolean;
  exposeUnsetFields?: boolean;
}

/** What the pipe needs from class-validator; `validatorPackage` may supply another implementation. */
export interface ValidatorPackage {
  validate(object: unknown, validatorOptions?: ValidatorOptions): ValidationError[] | Promise<ValidationError[]>;
}

/** What the pipe needs from class-transformer; `transformerPackage` may supply another implementation. */
export interface TransformerPackage {
  plainToInstance(cls: any, plain: unknown, options?: ClassTransformOptions): any;
  classToPlain(object: unknown, options?: ClassTransformOptions): any;
}

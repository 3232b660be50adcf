import { types } from 'node:util';
import { Injectable } from '../../di/decorators/injectable.decorator';
import { Optional } from '../../di/decorators/optional.decorator';
import type { Type } from '../../di/type';
import type { ArgumentMetadata, PipeTransform } from '../../enhancers/interfaces';
import { HttpStatus } from '../../exceptions/http-status';
import { httpErrorFor } from '../http-error-by-code';
import { isNil } from '../parse-pipe-options';
import { loadClassTransformer, loadClassValidator } from './load-validation-packages';
import type { ValidationPipeOptions } from './validation-pipe-options';
import type {
  ClassTransformOptions,
  TransformerPackage,
  ValidationError,
  ValidatorOptions,
  ValidatorPackage,
} from './validation-types';

/** Declared types that say nothing to validate against. */
const NATIVE_TYPES: readonly unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];
/** Objects whose own keys are not user input, left alone when stripping prototype keys. */
const BUILT_IN_TYPES = [Date, RegExp, Error, Map, Set, WeakMap, WeakSet];

/**
 * NestJS's ValidationPipe: turns the plain value into an instance of the parameter's class with
 * class-transformer, validates it with class-validator and throws a 400 listing every failed
 * constraint. Primitive and native types are passed through (converted when `transform` is on).
 */
@Injectable()
export class ValidationPipe implements PipeTransform<any> {
  protected isTransformEnabled: boolean;
  protected isDetailedOutputDisabled?: boolean;
  protected validatorOptions: ValidatorOptions;
  protected transformOptions: ClassTransformOptions | undefined;
  protected errorHttpStatusCode: number;
  protected expectedType: Type<any> | undefined;
  protected exceptionFactory: (errors: ValidationError[]) => any;
  protected validateCustomDecorators: boolean;
  protected readonly classValidator: ValidatorPackage;
  protected readonly classTransformer: TransformerPackage;

  constructor(@Optional() options?: ValidationPipeOptions) {
    const {
      transform,
      disableErrorMessages,
      errorHttpStatusCode,
      expectedType,
      transformOptions,
      validateCustomDecorators,
      ...validatorOptions
    } = options ?? {};
    // class-validator 0.14 rejects objects it has no metadata for by default; NestJS turns that off.
    this.validatorOptions = { forbidUnknownValues: false, ...validatorOptions };
    this.isTransformEnabled = !!transform;
    this.transformOptions = transformOptions;
    this.isDetailedOutputDisabled = disableErrorMessages;
    this.validateCustomDecorators = validateCustomDecorators ?? false;
    this.errorHttpStatusCode = errorHttpStatusCode ?? HttpStatus.BAD_REQUEST;
    this.expectedType = expectedType;
    this.exceptionFactory = options?.exceptionFactory ?? this.createExceptionFactory();
    this.classValidator = this.loadValidator(options?.validatorPackage);
    this.classTransformer = this.loadTransformer(options?.transformerPackage);
  }

  protected loadValidator(validatorPackage?: ValidatorPackage): ValidatorPackage {
    return validatorPackage ?? loadClassValidator();
  }

  protected loadTransformer(transformerPackage?: TransformerPackage): TransformerPackage {
    return transformerPackage ?? loadClassTransformer();
  }

  async transform(value: any, metadata: ArgumentMetadata): Promise<any> {
    if (this.expectedType) metadata = { ...metadata, metatype: this.expectedType };
    const metatype = metadata.metatype;
    if (!metatype || !this.toValidate(metadata)) {
      return this.isTransformEnabled ? this.transformPrimitive(value, metadata) : value;
    }

    const originalValue = value;
    value = this.toEmptyIfNil(value, metatype);
    const wasNil = value !== originalValue;
    const isPrimitive = this.isPrimitive(value);
    this.stripProtoKeys(value);

    let entity = this.classTransformer.plainToInstance(metatype, value, this.transformOptions);
    const originalEntity = entity;
    if (entity.constructor !== metatype) {
      if (isPrimitive) {
        // A primitive cannot carry the class: validate a stand-in whose constructor points at it,
        // so class-validator finds the class's rules (and reports its required properties).
        entity = { constructor: metatype };
      } else {
        entity.constructor = metatype;
      }
    }

    const errors = await this.validate(entity, this.validatorOptions);
    if (errors.length > 0) throw await this.exceptionFactory(errors);

    // `toEmptyIfNil` turns a missing value into '' for non-class metatypes; hand back the undefined.
    if (originalValue === undefined && originalEntity === '') return originalValue;
    if (isPrimitive) entity = originalEntity;
    if (this.isTransformEnabled) return entity;
    if (wasNil) return originalValue;
    // More than the defaulted `forbidUnknownValues` means options (e.g. `whitelist`) that change the
    // instance, so the handler gets the instance's plain form rather than the untouched input.
    const shouldTransformToPlain = Object.keys(this.validatorOptions).length > 1;
    return shouldTransformToPlain ? this.classTransformer.classToPlain(entity, this.transformOptions) : value;
  }

  createExceptionFactory(): (validationErrors?: ValidationError[]) => unknown {
    return (validationErrors: ValidationError[] = []) => {
      if (this.isDetailedOutputDisabled) return httpErrorFor(this.errorHttpStatusCode);
      return httpErrorFor(this.errorHttpStatusCode, this.flattenValidationErrors(validationErrors));
    };
  }

  /** Whether `metadata` names a class worth validating ('custom' params only on request). */
  protected toValidate(metadata: ArgumentMetadata): boolean {
    const { metatype, type } = metadata;
    if (type === 'custom' && !this.validateCustomDecorators) return false;
    return !isNil(metatype) && !NATIVE_TYPES.includes(metatype);
  }

  /**
   * With `transform`, a named `@Param('id')`/`@Query('page')` declared `number`, `boolean` or
   * `string` is converted: `+value`, `value === true || value === 'true'`, `String(value)`. An absent
   * value stays undefined, so optional params are not turned into NaN or false.
   */
  protected transformPrimitive(value: any, metadata: ArgumentMetadata): any {
    if (!metadata.data) return value; // a whole `@Query()` object is left as it is
    const { type, metatype } = metadata;
    if (type !== 'param' && type !== 'query') return value;
    if (metatype === Boolean) return value === undefined ? undefined : value === true || value === 'true';
    if (metatype === Number) return value === undefined ? undefined : +value;
    if (metatype === String && value !== undefined) return String(value);
    return value;
  }

  /** A missing body still gets validated (so required properties are reported) as an empty object. */
  protected toEmptyIfNil(value: unknown, metatype: Type<unknown> | object): unknown {
    if (!isNil(value)) return value;
    const isClass = typeof metatype === 'function' || !!(metatype as { prototype?: { constructor?: unknown } }).prototype?.constructor;
    // Not a class (e.g. an enum object given as expectedType): '' keeps plainToInstance from failing.
    return isClass ? {} : '';
  }

  /** Removes `__proto__`, `prototype` and own `constructor` keys from parsed input (prototype pollution). */
  protected stripProtoKeys(value: any): void {
    if (value === null || typeof value !== 'object' || types.isTypedArray(value)) return;
    if (BUILT_IN_TYPES.some((builtIn) => value instanceof builtIn)) return;
    if (Array.isArray(value)) {
      for (const item of value) this.stripProtoKeys(item);
      return;
    }
    delete value.__proto__;
    delete value.prototype;
    if (Object.prototype.hasOwnProperty.call(value, 'constructor')) delete value.constructor;
    for (const key in value) this.stripProtoKeys(value[key]);
  }

  protected isPrimitive(value: unknown): boolean {
    return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string';
  }

  protected validate(object: object, validatorOptions?: ValidatorOptions): ValidationError[] | Promise<ValidationError[]> {
    return this.classValidator.validate(object, validatorOptions);
  }

  /** class-validator's error tree → NestJS's message list, nested paths included. */
  protected flattenValidationErrors(validationErrors: ValidationError[]): string[] {
    const messages: string[] = [];
    for (const error of validationErrors) {
      for (const item of this.mapChildrenToValidationErrors(error)) {
        if (item.constraints) messages.push(...Object.values(item.constraints));
      }
    }
    return messages;
  }

  /**
   * An error without children stands for itself. One with children is replaced by its descendants,
   * their constraints prefixed with the path (`address.city must be a string`, `items.0.name ...`).
   * As in NestJS, the own constraints of a top-level error that also has children are not listed.
   */
  protected mapChildrenToValidationErrors(error: ValidationError, parentPath?: string): ValidationError[] {
    if (!error.children?.length) return [error];
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const errors: ValidationError[] = [];
    for (const child of error.children) {
      if (child.children?.length) errors.push(...this.mapChildrenToValidationErrors(child, path));
      errors.push(this.prependConstraintsWithParentProp(path, child));
    }
    return errors;
  }

  protected prependConstraintsWithParentProp(parentPath: string, error: ValidationError): ValidationError {
    const constraints: Record<string, string> = {};
    for (const [name, message] of Object.entries(error.constraints ?? {})) {
      constraints[name] = `${parentPath}.${message}`;
    }
    return { ...error, constraints };
  }
}

import { Injectable } from '../di/decorators/injectable.decorator';
import { Optional } from '../di/decorators/optional.decorator';
import type { Type } from '../di/type';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { HttpException } from '../exceptions/http-exception';
import { defaultExceptionFactory } from './http-error-by-code';
import { isNil } from './parse-pipe-options';
import { ValidationPipe } from './validation/validation.pipe';
import type { ValidationPipeOptions } from './validation/validation-pipe-options';

const VALIDATION_ERROR_MESSAGE = 'Validation failed (parsable array expected)';
const DEFAULT_ARRAY_SEPARATOR = ',';
const PRIMITIVE_ITEM_TYPES: readonly unknown[] = [Boolean, Number, String];

export interface ParseArrayOptions extends Omit<ValidationPipeOptions, 'transform' | 'validateCustomDecorators' | 'exceptionFactory'> {
  /** The type of each item: Number, String, Boolean, or a class validated like a DTO. */
  items?: Type<unknown>;
  /** Splits a string value (default ','). */
  separator?: string;
  /** If true, `null` and `undefined` pass through unchanged instead of failing. */
  optional?: boolean;
  /** Receives a message, a list of messages, or (for class items) class-validator's errors. */
  exceptionFactory?: (error: any) => any;
}

/**
 * `'1,2,3'` (or an already repeated query key) → an array, each item converted to `items` and, for a
 * class, validated through a ValidationPipe. Item errors are reported with their index: '[1] item
 * must be a number'.
 */
@Injectable()
export class ParseArrayPipe implements PipeTransform {
  /** Only built for class items, so arrays of primitives do not need class-validator installed. */
  protected readonly validationPipe: ValidationPipe | undefined;
  protected exceptionFactory: (error: any) => any;

  constructor(@Optional() protected readonly options: ParseArrayOptions = {}) {
    const { items, separator: _separator, optional: _optional, ...validationOptions } = options;
    if (items && !PRIMITIVE_ITEM_TYPES.includes(items)) {
      this.validationPipe = new ValidationPipe({ transform: true, validateCustomDecorators: true, ...validationOptions });
    }
    this.exceptionFactory = options.exceptionFactory ?? defaultExceptionFactory(options.errorHttpStatusCode);
  }

  async transform(value: any, _metadata?: ArgumentMetadata): Promise<any> {
    if (!value && !this.options.optional) throw this.exceptionFactory(VALIDATION_ERROR_MESSAGE);
    if (isNil(value) && this.options.optional) return value;

    if (!Array.isArray(value)) {
      if (typeof value !== 'string') throw this.exceptionFactory(VALIDATION_ERROR_MESSAGE);
      value = value.trim().split(this.options.separator || DEFAULT_ARRAY_SEPARATOR);
    }
    if (!this.options.items) return value;

    const items = value as unknown[];
    // With `stopAtFirstError: false` every item is checked and all errors are reported together;
    // otherwise the first failing item decides.
    if (this.options.stopAtFirstError === false) return this.convertAllItems(items);
    return Promise.all(items.map((item, index) => this.convertItem(item, index)));
  }

  private async convertAllItems(items: unknown[]): Promise<unknown[]> {
    let errors: unknown[] = [];
    for (let index = 0; index < items.length; index++) {
      try {
        items[index] = await this.convertItem(items[index]);
      } catch (error) {
        errors = errors.concat(this.indexedMessages(error, index));
      }
    }
    if (errors.length > 0) throw this.exceptionFactory(errors);
    return items;
  }

  /** An HttpException's message(s) prefixed with `[index] `; anything else as it was thrown. */
  private indexedMessages(error: unknown, index: number): unknown {
    if (!(error instanceof HttpException)) return error;
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : response.message;
    return Array.isArray(message) ? message.map((item) => `[${index}] ${item}`) : `[${index}] ${message}`;
  }

  /** Items are JSON-parsed first (so '{"id":1}' and '2' become an object and a number), except String items. */
  private convertItem(item: unknown, index?: number): unknown {
    if (this.options.items !== String && typeof item === 'string') {
      try {
        item = JSON.parse(item);
      } catch {
        // Not JSON: keep the raw string.
      }
    }
    if (this.isExpectedTypePrimitive()) return this.validatePrimitive(item, index);
    return this.validationPipe!.transform(item, { type: 'query', metatype: this.options.items });
  }

  protected isExpectedTypePrimitive(): boolean {
    return PRIMITIVE_ITEM_TYPES.includes(this.options.items);
  }

  protected validatePrimitive(originalValue: any, index?: number): unknown {
    const prefix = index === undefined ? '' : `[${index}] `;
    if (this.options.items === Number) {
      const value = originalValue !== null && originalValue !== '' ? +originalValue : NaN;
      if (Number.isNaN(value)) throw this.exceptionFactory(`${prefix}item must be a number`);
      return value;
    }
    if (this.options.items === String) {
      return typeof originalValue === 'string' ? originalValue : `${originalValue}`;
    }
    if (this.options.items === Boolean && typeof originalValue !== 'boolean') {
      throw this.exceptionFactory(`${prefix}item must be a boolean value`);
    }
    return originalValue;
  }
}

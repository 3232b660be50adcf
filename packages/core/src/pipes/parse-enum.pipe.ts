import { Injectable } from '../di/decorators/injectable.decorator';
import { Optional } from '../di/decorators/optional.decorator';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { exceptionFactoryOf, isNil, type ParsePipeOptions } from './parse-pipe-options';

export type ParseEnumPipeOptions = ParsePipeOptions;

/**
 * Accepts a value of `enumType`, unchanged. The check runs against every value of the enum object,
 * so for a numeric enum (which TypeScript maps both ways) the member names are accepted too, as in
 * NestJS, and a numeric string such as '1' is not.
 */
@Injectable()
export class ParseEnumPipe<T = any> implements PipeTransform<unknown, Promise<T[keyof T]>> {
  protected exceptionFactory: (error: string) => any;

  constructor(
    protected readonly enumType: T,
    @Optional() protected readonly options?: ParseEnumPipeOptions,
  ) {
    if (!enumType) {
      throw new Error('"ParseEnumPipe" requires "enumType" argument specified (to validate input values).');
    }
    this.exceptionFactory = exceptionFactoryOf(options);
  }

  /** Typed by the enum's values (NestJS types both as the enum object `T`). */
  async transform(value: unknown, _metadata?: ArgumentMetadata): Promise<T[keyof T]> {
    if (isNil(value) && this.options?.optional) return value as T[keyof T];
    if (!this.isEnum(value)) {
      throw this.exceptionFactory('Validation failed (enum string is expected)');
    }
    return value as T[keyof T];
  }

  protected isEnum(value: unknown): boolean {
    return Object.values(this.enumType as object).includes(value);
  }
}

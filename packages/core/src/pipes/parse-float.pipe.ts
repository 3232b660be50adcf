import { Injectable } from '../di/decorators/injectable.decorator';
import { Optional } from '../di/decorators/optional.decorator';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { exceptionFactoryOf, isNil, type ParsePipeOptions } from './parse-pipe-options';

export type ParseFloatPipeOptions = ParsePipeOptions;

/** `'3.14'` → `3.14`; the whole string must be a finite number (`'1.5abc'` fails). */
@Injectable()
export class ParseFloatPipe implements PipeTransform<string> {
  protected exceptionFactory: (error: string) => any;

  constructor(@Optional() protected readonly options?: ParseFloatPipeOptions) {
    this.exceptionFactory = exceptionFactoryOf(options);
  }

  async transform(value: string, _metadata?: ArgumentMetadata): Promise<number> {
    if (isNil(value) && this.options?.optional) return value as unknown as number;
    if (!this.isNumeric(value)) {
      throw this.exceptionFactory('Validation failed (numeric string is expected)');
    }
    return parseFloat(value);
  }

  /** `parseFloat` alone accepts trailing garbage and `Number` alone accepts '' and ' ': both checks are needed. */
  protected isNumeric(value: unknown): boolean {
    return (
      (typeof value === 'string' || typeof value === 'number') &&
      !Number.isNaN(parseFloat(String(value))) &&
      Number.isFinite(Number(value))
    );
  }
}

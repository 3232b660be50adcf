import { Injectable } from '../di/decorators/injectable.decorator';
import { Optional } from '../di/decorators/optional.decorator';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { exceptionFactoryOf, isNil, type ParsePipeOptions } from './parse-pipe-options';

export type ParseIntPipeOptions = ParsePipeOptions;

/** `'42'` → `42`; anything but an optionally signed run of digits is rejected. */
@Injectable()
export class ParseIntPipe implements PipeTransform<string> {
  protected exceptionFactory: (error: string) => any;

  constructor(@Optional() protected readonly options?: ParseIntPipeOptions) {
    this.exceptionFactory = exceptionFactoryOf(options);
  }

  async transform(value: string, _metadata?: ArgumentMetadata): Promise<number> {
    if (isNil(value) && this.options?.optional) return value as unknown as number;
    if (!this.isNumeric(value)) {
      throw this.exceptionFactory('Validation failed (numeric string is expected)');
    }
    return parseInt(value, 10);
  }

  /** Digits only (so '1e3' and '12abc' fail), and finite (so a 400-digit string fails too). */
  protected isNumeric(value: unknown): boolean {
    return (
      (typeof value === 'string' || typeof value === 'number') &&
      /^-?\d+$/.test(String(value)) &&
      Number.isFinite(Number(value))
    );
  }
}

import { Injectable } from '../di/decorators/injectable.decorator';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { isNil } from './parse-pipe-options';

/**
 * Replaces a missing value (`undefined`, `null`) with `defaultValue`. `NaN` counts as missing too, so
 * `new DefaultValuePipe(1)` placed after a pipe that produced `NaN` still gives 1.
 */
@Injectable()
export class DefaultValuePipe<T = any, R = any> implements PipeTransform<T, T | R> {
  constructor(protected readonly defaultValue: R) {}

  transform(value?: T, _metadata?: ArgumentMetadata): T | R {
    if (isNil(value) || (typeof value === 'number' && Number.isNaN(value))) return this.defaultValue;
    return value;
  }
}

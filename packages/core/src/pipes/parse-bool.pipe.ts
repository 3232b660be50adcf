import { Injectable } from '../di/decorators/injectable.decorator';
import { Optional } from '../di/decorators/optional.decorator';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { exceptionFactoryOf, isNil, type ParsePipeOptions } from './parse-pipe-options';

export type ParseBoolPipeOptions = ParsePipeOptions;

/** `'true'`/`true` → `true`, `'false'`/`false` → `false`; nothing else (not '1', not 'TRUE'). */
@Injectable()
export class ParseBoolPipe implements PipeTransform<string | boolean, Promise<boolean>> {
  protected exceptionFactory: (error: string) => any;

  constructor(@Optional() protected readonly options?: ParseBoolPipeOptions) {
    this.exceptionFactory = exceptionFactoryOf(options);
  }

  async transform(value: string | boolean, _metadata?: ArgumentMetadata): Promise<boolean> {
    if (isNil(value) && this.options?.optional) return value as unknown as boolean;
    if (this.isTrue(value)) return true;
    if (this.isFalse(value)) return false;
    throw this.exceptionFactory('Validation failed (boolean string is expected)');
  }

  protected isTrue(value: string | boolean): boolean {
    return value === true || value === 'true';
  }

  protected isFalse(value: string | boolean): boolean {
    return value === false || value === 'false';
  }
}

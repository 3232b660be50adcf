import { Injectable } from '../di/decorators/injectable.decorator';
import { Optional } from '../di/decorators/optional.decorator';
import type { ArgumentMetadata, PipeTransform } from '../enhancers/interfaces';
import { exceptionFactoryOf, isNil, type ParsePipeOptions } from './parse-pipe-options';

export type UuidVersion = '3' | '4' | '5' | '7' | 'all';

export interface ParseUUIDPipeOptions extends ParsePipeOptions {
  /** Which UUID version to accept; any version when omitted. */
  version?: UuidVersion;
}

const HEX = '[0-9A-F]';
/** Versions 4, 5 and 7 also pin the RFC 4122 variant nibble (8, 9, A or B); version 3 does not, as in NestJS. */
const UUID_PATTERNS: Record<UuidVersion, RegExp> = {
  3: new RegExp(`^${HEX}{8}-${HEX}{4}-3${HEX}{3}-${HEX}{4}-${HEX}{12}$`, 'i'),
  4: new RegExp(`^${HEX}{8}-${HEX}{4}-4${HEX}{3}-[89AB]${HEX}{3}-${HEX}{12}$`, 'i'),
  5: new RegExp(`^${HEX}{8}-${HEX}{4}-5${HEX}{3}-[89AB]${HEX}{3}-${HEX}{12}$`, 'i'),
  7: new RegExp(`^${HEX}{8}-${HEX}{4}-7${HEX}{3}-[89AB]${HEX}{3}-${HEX}{12}$`, 'i'),
  all: new RegExp(`^${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}$`, 'i'),
};

/** Passes a UUID string through unchanged, or rejects it. */
@Injectable()
export class ParseUUIDPipe implements PipeTransform<string> {
  protected static readonly uuidRegExps = UUID_PATTERNS;
  private readonly version: UuidVersion | undefined;
  protected exceptionFactory: (error: string) => any;

  constructor(@Optional() protected readonly options?: ParseUUIDPipeOptions) {
    this.version = options?.version;
    this.exceptionFactory = exceptionFactoryOf(options);
  }

  async transform(value: string, _metadata?: ArgumentMetadata): Promise<string> {
    if (isNil(value) && this.options?.optional) return value;
    if (!this.isUUID(value, this.version)) {
      const versionText = this.version ? ` v ${this.version}` : '';
      throw this.exceptionFactory(`Validation failed (uuid${versionText} is expected)`);
    }
    return value;
  }

  protected isUUID(value: unknown, version: UuidVersion = 'all'): boolean {
    if (typeof value !== 'string') {
      throw this.exceptionFactory('The value passed as UUID is not a string');
    }
    return ParseUUIDPipe.uuidRegExps[version]?.test(value) ?? false;
  }
}

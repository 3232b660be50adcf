import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@armature/core';

@Injectable()
export class {{className}}Pipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new BadRequestException(`${metadata.data ?? metadata.type} must be a non-empty string`);
    }
    return value.trim();
  }
}

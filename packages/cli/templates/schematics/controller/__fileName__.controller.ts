import { Controller, Get } from '@armature/core';

@Controller('{{fileName}}')
export class {{className}}Controller {
  @Get()
  findAll(): string[] {
    return [];
  }
}

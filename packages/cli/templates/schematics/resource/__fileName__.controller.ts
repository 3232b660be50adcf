import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Schema, t } from '@armature/core';
import { Create{{entityClass}}Dto } from './dto/create-{{entityFile}}.dto';
import { Update{{entityClass}}Dto } from './dto/update-{{entityFile}}.dto';
import { {{entityClass}}Schema, type {{entityClass}} } from './entities/{{entityFile}}.entity';
import { {{className}}Service } from './{{fileName}}.service';

@Controller('{{fileName}}')
export class {{className}}Controller {
  constructor(private readonly {{propertyName}}Service: {{className}}Service) {}

  @Post()
  @Schema({ response: {{entityClass}}Schema })
  create(@Body() create{{entityClass}}Dto: Create{{entityClass}}Dto): {{entityClass}} {
    return this.{{propertyName}}Service.create(create{{entityClass}}Dto);
  }

  @Get()
  @Schema({ response: t.Array({{entityClass}}Schema) })
  findAll(): {{entityClass}}[] {
    return this.{{propertyName}}Service.findAll();
  }

  @Get(':id')
  @Schema({ response: {{entityClass}}Schema })
  findOne(@Param('id', ParseIntPipe) id: number): {{entityClass}} {
    return this.{{propertyName}}Service.findOne(id);
  }

  @Patch(':id')
  @Schema({ response: {{entityClass}}Schema })
  update(@Param('id', ParseIntPipe) id: number, @Body() update{{entityClass}}Dto: Update{{entityClass}}Dto): {{entityClass}} {
    return this.{{propertyName}}Service.update(id, update{{entityClass}}Dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number): void {
    this.{{propertyName}}Service.remove(id);
  }
}

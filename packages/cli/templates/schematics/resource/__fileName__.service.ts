import { Injectable, NotFoundException } from '@armature/core';
import type { Create{{entityClass}}Dto } from './dto/create-{{entityFile}}.dto';
import type { Update{{entityClass}}Dto } from './dto/update-{{entityFile}}.dto';
import type { {{entityClass}} } from './entities/{{entityFile}}.entity';

@Injectable()
export class {{className}}Service {
  private readonly {{propertyName}} = new Map<number, {{entityClass}}>();
  private nextId = 1;

  create(dto: Create{{entityClass}}Dto): {{entityClass}} {
    const {{entityProperty}}: {{entityClass}} = { id: this.nextId++, name: dto.name };
    this.{{propertyName}}.set({{entityProperty}}.id, {{entityProperty}});
    return {{entityProperty}};
  }

  findAll(): {{entityClass}}[] {
    return [...this.{{propertyName}}.values()];
  }

  findOne(id: number): {{entityClass}} {
    const {{entityProperty}} = this.{{propertyName}}.get(id);
    if ({{entityProperty}} === undefined) throw new NotFoundException(`{{entityClass}} #${id} not found`);
    return {{entityProperty}};
  }

  update(id: number, dto: Update{{entityClass}}Dto): {{entityClass}} {
    const updated = { ...this.findOne(id), ...dto };
    this.{{propertyName}}.set(id, updated);
    return updated;
  }

  remove(id: number): void {
    this.findOne(id);
    this.{{propertyName}}.delete(id);
  }
}

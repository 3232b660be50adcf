import { Injectable, NotFoundException } from '@armature/core';
import type { Cat } from './interfaces/cat.interface';
import type { CreateCatDto } from './dto/create-cat.dto';

@Injectable()
export class CatsService {
  private readonly cats: Cat[] = [];
  private nextId = 1;

  create(dto: CreateCatDto): Cat {
    const cat = { id: this.nextId++, name: dto.name, age: dto.age, breed: dto.breed };
    this.cats.push(cat);
    return cat;
  }

  findAll(): Cat[] {
    return this.cats;
  }

  findOne(id: number): Cat {
    const cat = this.cats.find((c) => c.id === id);
    if (cat === undefined) throw new NotFoundException(`Cat #${id} not found`);
    return cat;
  }

  remove(id: number): void {
    const index = this.cats.findIndex((c) => c.id === id);
    if (index === -1) throw new NotFoundException(`Cat #${id} not found`);
    this.cats.splice(index, 1);
  }
}

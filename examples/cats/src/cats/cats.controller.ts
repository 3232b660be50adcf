import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@armature/core';
import { CatsService } from './cats.service';
import { CreateCatDto } from './dto/create-cat.dto';
import type { Cat } from './interfaces/cat.interface';

@Controller('cats')
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  @Post()
  create(@Body() dto: CreateCatDto): Cat {
    if (typeof dto?.name !== 'string' || typeof dto.age !== 'number' || typeof dto.breed !== 'string') {
      throw new BadRequestException(['name must be a string', 'age must be a number', 'breed must be a string']);
    }
    return this.catsService.create({ name: dto.name, age: dto.age, breed: dto.breed });
  }

  @Get()
  findAll(@Query('breed') breed?: string): Cat[] {
    const cats = this.catsService.findAll();
    return breed === undefined ? cats : cats.filter((cat) => cat.breed === breed);
  }

  @Get(':id')
  findOne(@Param('id') id: string): Cat {
    return this.catsService.findOne(parseId(id));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string): void {
    this.catsService.remove(parseId(id));
  }
}

function parseId(id: string): number {
  const parsed = Number(id);
  if (!Number.isInteger(parsed)) throw new BadRequestException('Validation failed (numeric string is expected)');
  return parsed;
}

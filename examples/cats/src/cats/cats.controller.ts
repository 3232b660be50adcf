import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@armature/core';
import { CatsService } from './cats.service';
import { CreateCatDto } from './dto/create-cat.dto';
import type { Cat } from './interfaces/cat.interface';

@Controller('cats')
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  @Post()
  create(@Body() dto: CreateCatDto): Cat {
    return this.catsService.create(dto);
  }

  @Get()
  findAll(@Query('breed') breed?: string): Cat[] {
    const cats = this.catsService.findAll();
    return breed === undefined ? cats : cats.filter((cat) => cat.breed === breed);
  }

  @Get(':id')
  findOne(@Param('id', ParseIntPipe) id: number): Cat {
    return this.catsService.findOne(id);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number): void {
    this.catsService.remove(id);
  }
}

import { Injectable } from '@armature/core';

@Injectable()
export class {{className}}Service {
  private readonly items: string[] = [];

  add(item: string): string[] {
    this.items.push(item);
    return this.items;
  }

  findAll(): string[] {
    return this.items;
  }
}

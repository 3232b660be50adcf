import { NotFoundException } from '@armature/core';
import type { Todo } from './todo.schemas';

/**
 * In-memory todos, one list per owner. Shared with the handlers through `App.data(new TodoStore())`
 * and read back with `req.data(TodoStore)`. A real service would keep them in a database.
 */
export class TodoStore {
  private readonly todos = new Map<number, Todo>();
  private nextId = 1;

  list(owner: string, filter: { done?: boolean; limit: number }): Todo[] {
    const mine = [...this.todos.values()].filter((todo) => todo.owner === owner && (filter.done === undefined || todo.done === filter.done));
    return mine.slice(0, filter.limit);
  }

  add(owner: string, title: string): Todo {
    const todo: Todo = { id: this.nextId++, title, done: false, owner, createdAt: new Date().toISOString() };
    this.todos.set(todo.id, todo);
    return todo;
  }

  /** Someone else's todo is reported as missing, not as forbidden: its existence is not disclosed. */
  get(owner: string, id: number): Todo {
    const todo = this.todos.get(id);
    if (todo === undefined || todo.owner !== owner) throw new NotFoundException(`Todo #${id} not found`);
    return todo;
  }

  update(owner: string, id: number, changes: { title?: string; done?: boolean }): Todo {
    const todo = { ...this.get(owner, id), ...changes };
    this.todos.set(id, todo);
    return todo;
  }

  remove(owner: string, id: number): void {
    this.get(owner, id);
    this.todos.delete(id);
  }
}

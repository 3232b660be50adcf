import { App, get, scope, type MicroAppOptions } from '@armature/core';
import { bearerAuth } from './auth/bearer-auth';
import { TodoStore } from './todos/todo-store';
import { todoRoutes } from './todos/todo.routes';

/** Demo tokens; a real service would verify signed tokens instead. */
const DEMO_TOKENS = new Map([
  ['ada-token', 'ada'],
  ['grace-token', 'grace'],
]);

/** The whole service: a public health check, and the todo API behind bearer authentication. */
export function createApp(options: MicroAppOptions = {}, tokens: ReadonlyMap<string, string> = DEMO_TOKENS): App {
  return App.new(options)
    .data(new TodoStore())
    .route('/health', get(() => ({ status: 'ok' })))
    .service(scope('/api/v1').wrap(bearerAuth(tokens)).service(todoRoutes()));
}

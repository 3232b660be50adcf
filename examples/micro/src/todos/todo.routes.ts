import { HttpResponse, get, post, scope, t, type MicroScope } from '@armature/core';
import { currentUser } from '../auth/bearer-auth';
import { TodoStore } from './todo-store';
import { NewTodo, Todo, TodoChanges, TodoFilter, TodoId } from './todo.schemas';

/** `/todos`: every handler is typed by its schemas (`req.param('id')` is a number, `req.json()` a NewTodo). */
export function todoRoutes(): MicroScope {
  return scope('/todos')
    .route(
      '/',
      get((req) => req.data(TodoStore).list(currentUser(req), req.query()), { schema: { query: TodoFilter, response: t.Array(Todo) } }).post(
        async (req) => req.data(TodoStore).add(currentUser(req), (await req.json()).title),
        { schema: { body: NewTodo, response: Todo } },
      ),
    )
    .route(
      '/:id',
      get((req) => req.data(TodoStore).get(currentUser(req), req.param('id')), { schema: { params: TodoId, response: Todo } })
        .patch(async (req) => req.data(TodoStore).update(currentUser(req), req.param('id'), await req.json()), {
          schema: { params: TodoId, body: TodoChanges, response: Todo },
        })
        .delete((req) => {
          req.data(TodoStore).remove(currentUser(req), req.param('id'));
          return HttpResponse.noContent();
        }, { schema: { params: TodoId } }),
    );
}

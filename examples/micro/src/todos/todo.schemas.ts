import { t, type Static } from '@armature/core';

/** A todo as the API returns it: one schema validates handlers' results and serializes them. */
export const Todo = t.Object({
  id: t.Integer(),
  title: t.String(),
  done: t.Boolean(),
  owner: t.String(),
  createdAt: t.String({ format: 'date-time' }),
});
export type Todo = Static<typeof Todo>;

export const NewTodo = t.Object({ title: t.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const TodoChanges = t.Object(
  { title: t.Optional(t.String({ minLength: 1, maxLength: 200 })), done: t.Optional(t.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);

export const TodoId = t.Object({ id: t.Integer({ minimum: 1 }) });

export const TodoFilter = t.Object({
  done: t.Optional(t.Boolean()),
  limit: t.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

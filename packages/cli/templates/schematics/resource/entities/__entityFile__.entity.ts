import { t, type Static } from '@armature/core';

/** One {{entityFile}} as the API returns it: the response schema of the routes, which also serializes it. */
export const {{entityClass}}Schema = t.Object({
  id: t.Integer(),
  name: t.String(),
});

export type {{entityClass}} = Static<typeof {{entityClass}}Schema>;

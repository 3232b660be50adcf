import { SchemaDto, t } from '@armature/core';

export const Create{{entityClass}}Schema = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

/** The body of `POST /{{fileName}}`: validated against its schema before the handler runs (400 otherwise). */
export class Create{{entityClass}}Dto extends SchemaDto(Create{{entityClass}}Schema) {}

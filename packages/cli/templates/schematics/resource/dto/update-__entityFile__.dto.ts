import { SchemaDto, t } from '@armature/core';
import { Create{{entityClass}}Schema } from './create-{{entityFile}}.dto';

export const Update{{entityClass}}Schema = t.Partial(Create{{entityClass}}Schema, { additionalProperties: false });

/** The body of `PATCH /{{fileName}}/:id`: any field of the create schema. */
export class Update{{entityClass}}Dto extends SchemaDto(Update{{entityClass}}Schema) {}

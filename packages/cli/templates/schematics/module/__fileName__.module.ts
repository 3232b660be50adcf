import { Module } from '@armature/core';

@Module({})
export class {{className}}Module {}

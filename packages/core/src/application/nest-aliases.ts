import { ArmatureFactory } from './armature-factory';
import type { ArmatureApplication } from './armature-application';
import type { ArmatureApplicationOptions } from './application-options';
import type { ArmatureApplicationContext } from './application-context';

// NestJS's names, so that an application moves over by changing its import paths only.
export const NestFactory = ArmatureFactory;
export type INestApplication = ArmatureApplication;
export type NestApplicationOptions = ArmatureApplicationOptions;
/** An Armature application (the interface name NestJS code types its `app` with). */
export type IArmatureApplication = ArmatureApplication;
export type INestApplicationContext = ArmatureApplicationContext;

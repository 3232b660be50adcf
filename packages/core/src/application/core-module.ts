import { Global, Module } from '../di';
import { Reflector } from '../enhancers/reflector';

/** Providers every application can inject without importing anything (NestJS's InternalCoreModule). */
@Global()
@Module({ providers: [Reflector], exports: [Reflector] })
export class ArmatureCoreModule {}

/** Passed to the container as `coreModules` by the factory and the testing module. */
export const CORE_MODULES = [ArmatureCoreModule];

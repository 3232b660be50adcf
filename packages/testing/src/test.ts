import type { ModuleMetadata } from '@armature/core';
import { TestingModuleBuilder } from './testing-module-builder';

/** Entry point of the testing package: `Test.createTestingModule({ imports, controllers, providers })`. */
export class Test {
  static createTestingModule(metadata: ModuleMetadata): TestingModuleBuilder {
    return new TestingModuleBuilder(metadata);
  }
}

export { Test } from './test';
export { TestingModuleBuilder, type OverrideBy } from './testing-module-builder';
export { TestingModule } from './testing-module';

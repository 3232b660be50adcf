import 'reflect-metadata';

// Types
export type { Type, Abstract } from './type';
export type { InjectionToken } from './injection-token';
export type {
  Provider,
  ClassProvider,
  ValueProvider,
  FactoryProvider,
  ExistingProvider,
  OptionalFactoryDependency,
  FactoryDependency,
} from './provider.types';
export { isDynamicModule, type DynamicModule, type ModuleMetadata, type ModuleImport, type ModuleExport } from './module.types';
export { Scope, type ScopeOptions } from './scope';
export { REQUEST, INQUIRER } from './tokens';
export { forwardRef, isForwardReference, type ForwardReference } from './forward-ref';
export { ContextIdFactory, createContextId, REQUEST_CONTEXT_ID, type ContextId } from './context-id';

// Decorators
export { Injectable, type InjectableOptions } from './decorators/injectable.decorator';
export { Inject } from './decorators/inject.decorator';
export { Optional } from './decorators/optional.decorator';
export { Module } from './decorators/module.decorator';
export { Global } from './decorators/global.decorator';
/** For class decorators that take a scope (e.g. @Controller({ scope })). */
export { getClassScope, setClassScope } from './class-scope';
export { SCOPE_OPTIONS_METADATA } from './metadata-keys';

// Runtime
export { ArmatureContainer, type ContainerOptions, type LookupOptions } from './container';
export type { ModuleRecord } from './module-record';
export type { ProviderOverride } from './provider-override';
export { ModuleRef, type ModuleRefGetOptions, type ModuleRefResolveOptions, type IntrospectionResult } from './module-ref';

// Configurable modules
export { ConfigurableModuleBuilder, CONFIGURABLE_MODULE_ID } from './configurable-module-builder';
export type {
  ConfigurableModuleBuilderOptions,
  ConfigurableModuleAsyncOptions,
  ConfigurableModuleOptionsFactory,
  ConfigurableModuleCls,
  ConfigurableModuleHost,
} from './configurable-module.types';

// Errors
export {
  ArmatureDiError,
  UnknownDependenciesError,
  UndefinedDependencyError,
  UndefinedModuleError,
  UndefinedProviderError,
  InvalidModuleError,
  InvalidProviderError,
  UnknownExportError,
  CircularDependencyError,
  UnknownElementError,
  InvalidScopeError,
  InstanceNotReadyError,
} from './errors';

export * from './interfaces';
export * from './use-enhancers.decorators';
export { Catch } from './catch.decorator';
export { SetMetadata } from './set-metadata.decorator';
export { Reflector, type ReflectableDecorator } from './reflector';
export * from './app-tokens';
export { ExecutionContextHost } from './execution-context-host';
export { createParamDecorator, type CustomParamFactory } from './create-param-decorator';
export { BaseExceptionFilter } from './base-exception-filter';

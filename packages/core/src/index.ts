import 'reflect-metadata';

// Dependency injection and modules
export * from './di';

// Exceptions
export * from './exceptions';

// Logging
export * from './application/logger';

// Adapter SPI: what @armature/platform-* implement
export * from './adapters/http-exchange';
export * from './adapters/http-adapter';
export * from './router/route-handle';
export { ArmatureRequest, type IncomingHeaders } from './http/request';
export { errorJson, statusText } from './http/error-json';

import 'reflect-metadata';

// Dependency injection and modules
export * from './di';

// Controllers, routes, parameters
export * from './decorators';

// Request pipeline: guards, interceptors, pipes, filters
export * from './enhancers';
export * from './pipes';
export * from './schema';
export * from './middleware';
export * from './uploads';
export { ArmatureCoreModule } from './application/core-module';

// Application
export { ArmatureFactory, ArmatureFactoryStatic } from './application/armature-factory';
export { ArmatureApplication, type RouteDescription } from './application/armature-application';
export { ArmatureApplicationContext } from './application/application-context';
export * from './application/application-options';
export * from './application/lifecycle';
export { ShutdownSignal } from './application/shutdown-signals';
export * from './application/nest-aliases';
export type { CorsOptions } from './pipeline/cors';
export { VersioningType, type VersioningOptions } from './router/versioning';
export type { RouteInfo } from './router/route-explorer';
export { RouteTable } from './router/route-table';

// Armature middleware (onion model) and the request/response values of the micro API
export * from './wrap';
export type { Mountable, MountedRoute, RouteSource, RouteSourceContext } from './application/mounted-routes';

// Micro API: App.new().wrap(mw).route('/', get(h)).service(scope('/api')...)
export * from './micro';
export * from './built-in';

// HTTP objects handlers see
export { ArmatureRequest, type IncomingHeaders } from './http/request';
export { ArmatureResponse } from './http/response';
export { StreamableFile, type StreamableFileOptions } from './http/streamable-file';

// Exceptions
export * from './exceptions';

// Logging
export * from './application/logger';

// Worker mode: one server per core (app.listen(port, { workers }), serveWithWorkers for other APIs)
export * from './workers';

// Adapter SPI: what @armature/platform-* implement
export * from './adapters/http-exchange';
export * from './adapters/http-adapter';
export * from './adapters/websocket-host';
// For packages that extend every application (e.g. @armature/websocket) and read the pipeline's metadata
export * from './application/application-extensions';
export { GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, FILTERS_METADATA } from './enhancers/metadata-keys';
export { ROUTE_ARGS_METADATA } from './decorators/metadata-keys';
export { caughtExceptionsOf } from './enhancers/catch.decorator';
export { chainInterceptors } from './pipeline/chain-interceptors';
export * from './router/route-handle';
export { errorJson, statusText } from './http/error-json';

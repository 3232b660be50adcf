// What applications use.
export type { Middleware, MiddlewareConfigProxy, MiddlewareConsumer, MiddlewareRoute, NestModule } from './nest-module';
export type { CookieOptions } from '../http/set-cookie';

// What the application and the pipeline use to run middleware.
export { MiddlewareRegistry, compileMiddleware, type MiddlewareSetup, type UnmatchedErrorHandler } from './middleware-registry';
export type { MiddlewareRunner } from './middleware-runner';
export type { MiddlewarePathOptions } from './route-targets';
export { MIDDLEWARE_NEEDS, withMiddlewareNeeds, type MiddlewareNeeds } from './middleware-needs';
export { bindResponse, linkRequestAndResponse, ResponseBoundExchange, type BoundResponse } from './response-binding';

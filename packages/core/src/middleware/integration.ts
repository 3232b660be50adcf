// What the application and the pipeline use to run middleware: not part of the public API.
export { MiddlewareRegistry, compileMiddleware, type MiddlewareSetup, type UnmatchedErrorHandler } from './middleware-registry';
export type { MiddlewareRunner } from './middleware-runner';
export type { MiddlewarePathOptions } from './route-targets';
export { MIDDLEWARE_NEEDS, withMiddlewareNeeds, type MiddlewareNeeds } from './middleware-needs';
export { bindResponse, linkRequestAndResponse, ResponseBoundExchange, type BoundResponse } from './response-binding';

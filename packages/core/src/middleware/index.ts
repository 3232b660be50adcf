// What applications use (re-exported by the package index).
export type { Middleware, MiddlewareConfigProxy, MiddlewareConsumer, MiddlewareRoute, NestModule } from './nest-module';
export type { CookieOptions } from '../http/set-cookie';

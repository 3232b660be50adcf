import type { Type } from '../di';
import type { VersionValue } from '../decorators/controller.decorator';
import type { RequestMethod } from '../decorators/request-method';
import type { MiddlewareFunction, NestMiddleware } from '../enhancers/interfaces';

/** What `apply()` takes: a class with `use(req, res, next)` (built by DI in its module) or a function. */
export type Middleware = Type<NestMiddleware> | MiddlewareFunction;

/**
 * A route as `forRoutes()`/`exclude()` name it: a path (NestJS syntax, wildcards allowed), optionally
 * one method (all by default) and, with URI versioning, the version(s) whose path segment to add.
 */
export interface MiddlewareRoute {
  path: string;
  method?: RequestMethod;
  version?: VersionValue;
}

/** `consumer.apply(...)`: where the middleware apply. */
export interface MiddlewareConfigProxy {
  /** Routes the middleware skip, even when `forRoutes()` names them. */
  exclude(...routes: Array<string | MiddlewareRoute>): MiddlewareConfigProxy;
  /** Paths, routes or controller classes the middleware run for. */
  forRoutes(...routes: Array<string | MiddlewareRoute | Type>): MiddlewareConsumer;
}

/** What a module's `configure()` receives. Chains run in the order they were applied. */
export interface MiddlewareConsumer {
  apply(...middleware: Array<Middleware | Middleware[]>): MiddlewareConfigProxy;
}

/** A module that binds middleware: `configure(consumer)` is called once, at startup. */
export interface NestModule {
  configure(consumer: MiddlewareConsumer): void | Promise<void>;
}

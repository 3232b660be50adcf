import { ContextIdFactory, type ModuleRecord, type Type } from '../di';
import type { MiddlewareFunction, NestMiddleware } from '../enhancers/interfaces';
import type { ArmatureRequest } from '../http/request';
import type { ArmatureResponse } from '../http/response';

export type NextFunction = (error?: unknown) => void;

/** One middleware, ready to call with Express's `(req, res, next)`. */
export interface MiddlewareInvoker {
  /** Class or function name, for messages and `MiddlewareRunner.names`. */
  readonly name: string;
  invoke(request: ArmatureRequest, response: ArmatureResponse, next: NextFunction): unknown;
}

/**
 * Prepares what `consumer.apply()` received, at startup: a class is built by DI in the module that
 * applied it (one instance per module, as NestJS does); a request-scoped one is resolved per request
 * in the request's DI context; a function is called as it is.
 */
export async function moduleMiddlewareInvoker(middleware: unknown, module: ModuleRecord): Promise<MiddlewareInvoker> {
  if (typeof middleware !== 'function') {
    throw new Error(`${module.name}: consumer.apply() takes middleware classes or functions; received ${describe(middleware)}`);
  }
  if (!isClass(middleware)) return functionInvoker(middleware as MiddlewareFunction);
  const type = middleware as Type<NestMiddleware>;
  if (typeof type.prototype.use !== 'function') {
    throw new Error(`${type.name} (applied in ${module.name}) is not a middleware: it has no use(req, res, next) method`);
  }
  if (module.isStatic(type)) {
    const instance = await module.instantiateEnhancer(type);
    return { name: type.name, invoke: (request, response, next) => instance.use(request, response, next) };
  }
  return {
    name: type.name,
    invoke: (request, response, next) =>
      module.resolvePerContext(type, ContextIdFactory.getByRequest(request), request).then((instance) => instance.use(request, response, next)),
  };
}

/** What `app.use()` received: plain `(req, res, next)` functions (Express's global middleware). */
export function globalMiddlewareInvoker(middleware: unknown): MiddlewareInvoker {
  if (typeof middleware !== 'function') throw new Error(`app.use() takes middleware functions; received ${describe(middleware)}`);
  if (isClass(middleware)) {
    throw new Error(`app.use() takes functions, not classes (${middleware.name}): apply class middleware with consumer.apply() in a module's configure()`);
  }
  if (middleware.length === 4) {
    throw new Error(`${middleware.name || 'This middleware'} takes (err, req, res, next): Express error handlers are not supported, use an exception filter`);
  }
  return functionInvoker(middleware as MiddlewareFunction);
}

function functionInvoker(middleware: MiddlewareFunction): MiddlewareInvoker {
  return { name: middleware.name || 'anonymous middleware', invoke: middleware };
}

/** Classes, including ones compiled to ES5 functions that declare `use` on their prototype. */
function isClass(value: Function): boolean {
  return typeof value.prototype?.use === 'function' || Function.prototype.toString.call(value).startsWith('class');
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? `an instance of ${value.constructor?.name ?? 'Object'}` : `${typeof value} ${String(value)}`;
}

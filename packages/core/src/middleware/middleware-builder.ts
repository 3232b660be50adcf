import type { Type } from '../di';
import type { Middleware, MiddlewareConfigProxy, MiddlewareConsumer, MiddlewareRoute } from './nest-module';

/** One `apply(...).exclude(...).forRoutes(...)` chain, as declared. */
export interface MiddlewareConfiguration {
  readonly middleware: readonly Middleware[];
  readonly forRoutes: ReadonlyArray<string | MiddlewareRoute | Type>;
  readonly exclude: ReadonlyArray<string | MiddlewareRoute>;
}

/** The consumer a module's `configure()` fills; a chain counts once `forRoutes()` closes it. */
export class MiddlewareBuilder implements MiddlewareConsumer {
  private readonly configurations: MiddlewareConfiguration[] = [];

  apply(...middleware: Array<Middleware | Middleware[]>): MiddlewareConfigProxy {
    const flat = middleware.flat() as Middleware[];
    let exclude: Array<string | MiddlewareRoute> = [];
    const proxy: MiddlewareConfigProxy = {
      exclude: (...routes) => {
        exclude = [...exclude, ...routes];
        return proxy;
      },
      forRoutes: (...routes) => {
        this.configurations.push({ middleware: flat, forRoutes: routes, exclude });
        return this;
      },
    };
    return proxy;
  }

  build(): readonly MiddlewareConfiguration[] {
    return this.configurations;
  }
}

import type { MountedRoute, RouteSourceContext } from '../application/mounted-routes';
import type { HttpMiddleware } from '../wrap/middleware';
import { compileMicroRoute } from './compile-micro-route';
import { joinPath } from './join-path';
import type { MicroScope } from './micro-scope';
import type { DataEntry } from './shared-data';

/** What a scope passes down to the scopes nested in it. */
interface Inherited {
  readonly prefix: string;
  readonly wraps: readonly HttpMiddleware[];
  readonly data: readonly DataEntry[];
}

/**
 * Compiles a scope tree into routes for the application's table, once, at init: every
 * (path × method) becomes one `RouteHandle` whose middleware chain (app → outer scopes → inner
 * scopes → route → handler options) is composed here.
 */
export function compileScope(root: MicroScope, context: RouteSourceContext): MountedRoute[] {
  const compiled: MountedRoute[] = [];
  const visit = (scope: MicroScope, inherited: Inherited): void => {
    const here: Inherited = {
      prefix: joinPath(inherited.prefix, scope.prefix),
      wraps: [...inherited.wraps, ...scope.wraps],
      data: [...inherited.data, ...scope.dataEntries],
    };
    for (const { path, router } of scope.routes) {
      const fullPath = joinPath(here.prefix, path);
      const appWraps = context.middlewareFor(fullPath);
      for (const entry of router.entries) {
        compiled.push(
          compileMicroRoute({
            method: entry.method,
            path: fullPath,
            handler: entry.handler,
            options: entry.options,
            middlewares: [...appWraps, ...here.wraps, ...router.wraps, ...(entry.options.wrap ?? [])],
            data: here.data,
            context,
          }),
        );
      }
    }
    for (const child of scope.children) visit(child, here);
  };
  visit(root, { prefix: context.globalPrefix ?? '', wraps: [], data: [] });
  return compiled;
}

import type { ModuleRecord, Type } from '../di';
import type { RouteParamMetadata } from '../decorators/param.decorators';
import type { RedirectMetadata } from '../decorators/response.decorators';
import type { VERSION_NEUTRAL } from '../decorators/controller.decorator';

/** One route as read from decorator metadata, before it is compiled. */
export interface RouteDefinition {
  /** Upper-case method, or `ALL`. */
  readonly method: string;
  /** Full path in find-my-way syntax (prefix, version and controller path applied). */
  readonly path: string;
  /** Name the trailing wildcard param is exposed as (`*name` routes). */
  readonly wildcardName?: string;
  /** Host constraint: exact host or a RegExp (named groups feed `@HostParam`). */
  readonly host?: string | RegExp;
  readonly controller: Type;
  readonly methodName: string;
  readonly handler: (...args: unknown[]) => unknown;
  readonly module: ModuleRecord;
  readonly params: readonly RouteParamMetadata[];
  readonly httpCode?: number;
  readonly responseHeaders: ReadonlyArray<readonly [string, string]>;
  readonly redirect?: RedirectMetadata;
  /** With header/media-type/custom versioning: the versions this route answers (undefined: unversioned). */
  readonly versions?: ReadonlyArray<string | typeof VERSION_NEUTRAL>;
}

/** `CatsController#findOne`, for messages. */
export function describeHandler(route: Pick<RouteDefinition, 'controller' | 'methodName'>): string {
  return `${route.controller.name}#${route.methodName}`;
}

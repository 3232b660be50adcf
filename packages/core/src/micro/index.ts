// The micro API: function-first apps compiled into the same route table as decorator apps.
// See docs/micro.md.
export { App, type MicroAppOptions, type MicroServer } from './app';
export { MicroScope, scope } from './micro-scope';
export { MethodRouter, get, post, put, patch, del, head, options, any } from './method-router';
export type { Handler, MicroSchema, RouteOptions, RequestOf, ParamsOf, QueryOf, BodyOf, ResultOf } from './route-types';
export type { ListenTarget, ListenOptions } from './listen-target';

import type { Observable } from 'rxjs';
import type { CallHandler, ExecutionContext, NestInterceptor } from '../enhancers/interfaces';
import { rxjs } from './rx';

/**
 * Interceptors wrap each other: the first declared is the outermost, as in NestJS. Shared by HTTP
 * routes and WebSocket message handlers (`@armature/websocket`).
 */
export function chainInterceptors(interceptors: readonly NestInterceptor[], context: ExecutionContext, handled: Observable<unknown>): Observable<unknown> {
  const { defer, from, switchMap } = rxjs();
  let next: CallHandler = { handle: () => handled };
  for (let i = interceptors.length - 1; i >= 0; i--) {
    const interceptor = interceptors[i];
    const inner = next;
    next = { handle: () => defer(() => from(Promise.resolve(interceptor.intercept(context, inner)))).pipe(switchMap((observable) => observable)) };
  }
  return next.handle();
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@armature/core';
import { Observable, map } from 'rxjs';

@Injectable()
export class {{className}}Interceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Runs before the handler; what follows next.handle() runs after it.
    return next.handle().pipe(map((data) => ({ data })));
  }
}

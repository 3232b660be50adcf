import { CanActivate, ExecutionContext, Injectable } from '@armature/core';

@Injectable()
export class {{className}}Guard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    // Decide from the request, e.g. context.switchToHttp().getRequest().headers.
    return context.getType() === 'http';
  }
}

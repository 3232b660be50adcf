import { Injectable, UnauthorizedException, type ArmatureRequest, type CanActivate, type ExecutionContext } from '@armature/core';

const NICKNAME = /^[\p{L}\p{N}_-]{2,20}$/u;

/**
 * Runs on the HTTP upgrade: no valid `?name=` → 401 and the socket never opens. A real application
 * would verify a session cookie or a token here instead.
 */
@Injectable()
export class NicknameGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ArmatureRequest & { user?: unknown }>();
    const name = request.query.name;
    if (typeof name !== 'string' || !NICKNAME.test(name)) {
      throw new UnauthorizedException('A nickname of 2 to 20 letters, digits, - or _ is required (?name=...)');
    }
    request.user = { name };
    return true;
  }
}

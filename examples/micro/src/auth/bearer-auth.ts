import { defineMiddleware, UnauthorizedException, type HttpMiddleware, type HttpRequest } from '@armature/core';

/**
 * Bearer-token authentication: the token names the user (`tokens`: token → user name). The user
 * is left in `req.locals.user` for the handlers; anything else is a 401 in NestJS's error shape
 * (a thrown HttpException becomes the response, as in a handler).
 */
export function bearerAuth(tokens: ReadonlyMap<string, string>): HttpMiddleware {
  return defineMiddleware(
    (req, next) => {
      const header = req.header('authorization') ?? '';
      const user = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined;
      if (user === undefined) throw new UnauthorizedException('Missing or invalid bearer token');
      req.locals.user = user;
      return next();
    },
    // Declared, so that routes narrowing what they copy still give this middleware its header.
    { headers: ['authorization'] },
  );
}

/** The user `bearerAuth` let in. */
export function currentUser(req: HttpRequest<any, any, any>): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  return req.locals.user as string;
}

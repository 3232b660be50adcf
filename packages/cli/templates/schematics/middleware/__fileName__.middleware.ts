import { Injectable, NestMiddleware } from '@armature/core';

@Injectable()
export class {{className}}Middleware implements NestMiddleware {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  use(req: any, res: any, next: () => void): void {
    res.setHeader('x-{{fileName}}', 'seen');
    next();
  }
}

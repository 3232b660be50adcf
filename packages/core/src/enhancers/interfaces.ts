import type { Observable } from 'rxjs';
import type { Type } from '../di';

export type ContextType = 'http' | 'ws' | 'rpc';

/** The HTTP view of a request: what `switchToHttp()` returns. */
export interface HttpArgumentsHost {
  getRequest<T = any>(): T;
  getResponse<T = any>(): T;
  getNext<T = any>(): T;
}

/** The WebSocket view of a message: what `switchToWs()` returns (`@armature/websocket`). */
export interface WsArgumentsHost {
  /** The connected client (socket) the message came from. */
  getClient<T = any>(): T;
  /** The message's `data`. */
  getData<T = any>(): T;
  /** The message's `event`. */
  getPattern(): string;
}

/** NestJS's `ArgumentsHost`: the handler's arguments, for exception filters. */
export interface ArgumentsHost {
  getArgs<T extends any[] = any[]>(): T;
  getArgByIndex<T = any>(index: number): T;
  switchToHttp(): HttpArgumentsHost;
  switchToWs(): WsArgumentsHost;
  getType<T extends string = ContextType>(): T;
}

/** NestJS's `ExecutionContext`: an ArgumentsHost that also names the controller and handler. */
export interface ExecutionContext extends ArgumentsHost {
  getClass<T = any>(): Type<T>;
  getHandler(): (...args: any[]) => unknown;
}

export interface CanActivate {
  canActivate(context: ExecutionContext): boolean | Promise<boolean> | Observable<boolean>;
}

export interface CallHandler<T = any> {
  handle(): Observable<T>;
}

export interface NestInterceptor<T = any, R = any> {
  intercept(context: ExecutionContext, next: CallHandler<T>): Observable<R> | Promise<Observable<R>>;
}

export type Paramtype = 'body' | 'query' | 'param' | 'custom';

/** What a pipe knows about the argument it transforms. */
export interface ArgumentMetadata {
  readonly type: Paramtype;
  /** The parameter's declared type (from `design:paramtypes`), e.g. a DTO class. */
  readonly metatype?: Type<unknown> | undefined;
  /** The decorator's argument: `'id'` for `@Param('id')`. */
  readonly data?: string | undefined;
}

export interface PipeTransform<T = any, R = any> {
  transform(value: T, metadata: ArgumentMetadata): R | Promise<R>;
}

export interface ExceptionFilter<T = any> {
  catch(exception: T, host: ArgumentsHost): any;
}

/** Class middleware (`configure(consumer)`), with Express's `(req, res, next)` signature. */
export interface NestMiddleware<TRequest = any, TResponse = any> {
  use(req: TRequest, res: TResponse, next: (error?: unknown) => void): any;
}

/** Functional middleware. */
export type MiddlewareFunction<TRequest = any, TResponse = any> = (req: TRequest, res: TResponse, next: (error?: unknown) => void) => any;

/** A guard/interceptor/pipe/filter given as a class (instantiated by DI in the module) or an instance. */
export type EnhancerRef<T> = Type<T> | T;

import type { Type } from '../di';
import type { ArgumentsHost, ContextType, ExecutionContext, HttpArgumentsHost } from './interfaces';

/** The execution context of one HTTP request: `[request, response, next]` plus the class and handler. */
export class ExecutionContextHost implements ExecutionContext, HttpArgumentsHost {
  constructor(
    private readonly args: unknown[],
    private readonly controller: Type | undefined = undefined,
    private readonly handler: ((...args: any[]) => unknown) | undefined = undefined,
    private readonly contextType: ContextType = 'http',
  ) {}

  getClass<T = any>(): Type<T> {
    return this.controller as Type<T>;
  }
  getHandler(): (...args: any[]) => unknown {
    return this.handler as (...args: any[]) => unknown;
  }
  getArgs<T extends any[] = any[]>(): T {
    return this.args as T;
  }
  getArgByIndex<T = any>(index: number): T {
    return this.args[index] as T;
  }
  getType<T extends string = ContextType>(): T {
    return this.contextType as T;
  }
  switchToHttp(): HttpArgumentsHost {
    return this;
  }
  switchToRpc(): never {
    throw new Error('switchToRpc() is not available in an HTTP context');
  }
  switchToWs(): never {
    throw new Error('switchToWs() is not available in an HTTP context');
  }
  getRequest<T = any>(): T {
    return this.args[0] as T;
  }
  getResponse<T = any>(): T {
    return this.args[1] as T;
  }
  getNext<T = any>(): T {
    return this.args[2] as T;
  }
}

export type { ArgumentsHost };

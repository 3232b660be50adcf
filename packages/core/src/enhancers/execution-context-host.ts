import type { Type } from '../di';
import type { ArgumentsHost, ContextType, ExecutionContext, HttpArgumentsHost, WsArgumentsHost } from './interfaces';

/**
 * The execution context of one HTTP request (`[request, response, next]`) or one WebSocket message
 * (`[client, data, event]`, type `'ws'`), plus the class and handler.
 */
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
  switchToWs(): WsArgumentsHost {
    if (this.contextType !== 'ws') throw new Error(`switchToWs() is not available in an ${this.contextType.toUpperCase()} context`);
    const args = this.args;
    return { getClient: () => args[0] as never, getData: () => args[1] as never, getPattern: () => args[2] as string };
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

import { caughtExceptionsOf, chainInterceptors, ExecutionContextHost, type ExecutionContext, type NestInterceptor } from '@armature/core';
import { defer, firstValueFrom, from, isObservable, of, switchMap, type Observable, type Subscription } from 'rxjs';
import type { MessageMapping } from '../decorators/subscribe-message.decorator';
import { WsException } from '../errors/ws-exception';
import { EXCEPTION_EVENT, exceptionPayload } from '../errors/exception-payload';
import { encodeEvent } from '../messages/message-codec';
import type { WsClient } from '../server/ws-client';
import type { GatewayInstance } from './gateway-instance';
import type { GlobalEnhancerRefs } from './global-enhancers';
import { argumentSpecs, type ArgumentSpec } from './message-arguments';
import { resolveMessageEnhancers } from './message-enhancers';

/** One `@SubscribeMessage` method, compiled: `run` answers one message. */
export interface MessageHandler {
  readonly event: string;
  /** `${Gateway}#${method}` for logs. */
  readonly name: string;
  run(client: WsClient, data: unknown): void;
}

type Method = (...args: unknown[]) => unknown;

/**
 * Compiles a message handler NestJS's way: guards → interceptors → pipes → handler → reply, errors
 * through the exception filters. Handlers without guards, interceptors or pipes get a synchronous
 * path: no promise, no context object, the reply sent in the same tick as the message arrived.
 */
export async function compileMessageHandler(gateway: GatewayInstance, mapping: MessageMapping, globals: GlobalEnhancerRefs): Promise<MessageHandler> {
  const instance = gateway.instance;
  const method = (instance as Record<string, Method>)[mapping.methodName];
  if (typeof method !== 'function') throw new Error(`${gateway.type.name}#${mapping.methodName} is not a method`);
  const event = mapping.event;
  const name = `${gateway.type.name}#${mapping.methodName}`;
  const enhancers = await resolveMessageEnhancers(gateway, method, globals);
  const args = await argumentSpecs(gateway, mapping.methodName, enhancers.pipes);
  const { guards, interceptors } = enhancers;
  const filters = enhancers.filters.map((filter) => ({ filter, catches: caughtExceptionsOf(filter) }));
  const contextOf = (client: WsClient, data: unknown): ExecutionContextHost => new ExecutionContextHost([client, data, event], gateway.type, method, 'ws');

  const fallback = (client: WsClient, data: unknown, error: unknown): void => {
    const payload = exceptionPayload(error, { pattern: event, data });
    client.emit(EXCEPTION_EVENT, payload);
  };
  const fail = (client: WsClient, data: unknown, error: unknown, context?: ExecutionContextHost): void => {
    const match = filters.find(({ catches }) => catches.length === 0 || catches.some((type) => error instanceof type));
    if (match === undefined) return fallback(client, data, error);
    try {
      const handled: unknown = match.filter.catch(error, context ?? contextOf(client, data));
      if (handled instanceof Promise) handled.catch((filterError: unknown) => fallback(client, data, filterError));
    } catch (filterError) {
      fallback(client, data, filterError);
    }
  };
  const settle = (client: WsClient, data: unknown, result: unknown, context?: ExecutionContextHost): void => {
    if (result === undefined || result === null) return;
    if (result instanceof Promise) {
      result.then(
        (value) => settle(client, data, value, context),
        (error) => fail(client, data, error, context),
      );
    } else if (isObservable(result)) {
      streamReplies(client, result, event, (error) => fail(client, data, error, context));
    } else {
      reply(client, event, result);
    }
  };

  const plain = guards.length === 0 && interceptors.length === 0 && (args === undefined || args.every(isPlain));
  if (plain) {
    // HOT PATH: the common handler (no enhancers): a direct call, the reply in the same tick.
    const read = args?.map((spec) => spec.read);
    const noContext = (): never => {
      throw new Error('unreachable: plain handlers have no custom parameters');
    };
    return {
      event,
      name,
      run(client, data) {
        let result: unknown;
        try {
          if (read === undefined) {
            result = method.call(instance, client, data);
          } else {
            const values = new Array(read.length);
            for (let i = 0; i < read.length; i++) values[i] = read[i](client, data, noContext);
            result = method.apply(instance, values);
          }
        } catch (error) {
          return fail(client, data, error);
        }
        settle(client, data, result);
      },
    };
  }

  const callHandler = async (client: WsClient, data: unknown, context: ExecutionContext): Promise<unknown> => {
    if (args === undefined) return method.call(instance, client, data);
    const values = new Array(args.length);
    for (let i = 0; i < args.length; i++) {
      const spec = args[i];
      let value = spec.read(client, data, () => context);
      for (const pipe of spec.pipes) value = await pipe.transform(value, spec.metadata);
      values[i] = value;
    }
    return method.apply(instance, values);
  };
  const process = async (client: WsClient, data: unknown, context: ExecutionContextHost): Promise<void> => {
    for (const guard of guards) {
      if (!(await asPromise(guard.canActivate(context)))) throw new WsException('Forbidden resource');
    }
    if (interceptors.length === 0) {
      settle(client, data, await callHandler(client, data, context), context);
      return;
    }
    const handled = defer(() => from(callHandler(client, data, context)).pipe(switchMap((value) => (isObservable(value) ? value : of(value)))));
    streamReplies(client, chainInterceptors(interceptors, context, handled), event, (error) => fail(client, data, error, context));
  };
  return {
    event,
    name,
    run(client, data) {
      const context = contextOf(client, data);
      process(client, data, context).catch((error) => fail(client, data, error, context));
    },
  };
}

/** A handler's value: `{ event, data }` is sent as is, anything else as the acknowledgement of the message's event. */
function reply(client: WsClient, event: string, value: unknown): void {
  if (value === undefined || value === null) return;
  client.send(isWsResponse(value) ? JSON.stringify(value) : encodeEvent(event, value));
}

function isWsResponse(value: unknown): value is { event: string; data: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string' && 'data' in value;
}

/** Each value an Observable emits is a reply (NestJS streams them); it stops when the client leaves. */
function streamReplies(client: WsClient, source: Observable<unknown>, event: string, onError: (error: unknown) => void): void {
  let subscription: Subscription | undefined;
  let done = false;
  const finish = (): void => {
    done = true;
    if (subscription !== undefined) client.release(subscription);
  };
  subscription = source.subscribe({
    next: (value) => reply(client, event, value),
    error: (error: unknown) => {
      finish();
      onError(error);
    },
    complete: finish,
  });
  if (!done) client.untilClosed(subscription);
}

function isPlain(spec: ArgumentSpec): boolean {
  return spec.pipes.length === 0 && !spec.needsContext;
}

function asPromise(value: boolean | Promise<boolean> | Observable<boolean>): Promise<boolean> {
  return isObservable(value) ? firstValueFrom(value, { defaultValue: false }) : Promise.resolve(value);
}

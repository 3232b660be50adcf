import type { ArgumentsHost, ExceptionFilter } from '@armature/core';
import { EXCEPTION_EVENT, exceptionPayload } from './exception-payload';

interface EmittingClient {
  emit(event: string, data: unknown): unknown;
}

/**
 * The default handling as a filter to extend: `class MyFilter extends BaseWsExceptionFilter {
 * catch(e, host) { ...; super.catch(e, host); } }`. Sends an `exception` event to the client.
 */
export class BaseWsExceptionFilter<T = unknown> implements ExceptionFilter<T> {
  constructor(private readonly options: { includeCause?: boolean } = {}) {}

  catch(exception: T, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    this.handleError(ws.getClient<EmittingClient>(), exception, { pattern: ws.getPattern(), data: ws.getData() });
  }

  handleError(client: EmittingClient, exception: T, cause?: { pattern: string; data: unknown }): void {
    client.emit(EXCEPTION_EVENT, exceptionPayload(exception, this.options.includeCause === false ? undefined : cause));
  }
}

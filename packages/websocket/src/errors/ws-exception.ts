/** NestJS's `WsException`: thrown in a gateway, sent to the client as an `exception` event. */
export class WsException extends Error {
  constructor(private readonly error: string | object) {
    super();
    this.name = 'WsException';
    this.message = typeof error === 'string' ? error : typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : 'WsException';
  }

  getError(): string | object {
    return this.error;
  }
}

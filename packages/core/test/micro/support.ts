import type { HttpServerAdapter } from '../../src/adapters/http-adapter';
import type { ArmatureApplication } from '../../src/application/armature-application';
import { ArmatureRequest, type IncomingHeaders } from '../../src/http/request';
import type { App } from '../../src/micro';
import type { RouteTableView } from '../../src/router/route-handle';
import { RecordingExchange } from '../support/recording-exchange';

/** An adapter that only keeps the compiled table: routes are driven by hand, without sockets. */
export class TableAdapter implements HttpServerAdapter {
  readonly name = 'table';
  table: RouteTableView | undefined;
  init(table: RouteTableView): void {
    this.table = table;
  }
  listen(): Promise<void> {
    return Promise.resolve();
  }
  address(): null {
    return null;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
  getHttpServer(): never {
    throw new Error('no server in unit tests');
  }
  getInstance<T>(): T {
    return undefined as T;
  }
}

export interface DispatchOptions {
  headers?: IncomingHeaders;
  /** A JSON value (sent with content-type application/json), a string, or raw bytes. */
  body?: unknown;
  /** What readBody() rejects with instead (e.g. a PayloadTooLargeException). */
  bodyError?: Error;
}

export interface Compiled {
  application: ArmatureApplication;
  table: RouteTableView;
  /** Runs one request through the table, as an adapter would, and resolves once it is answered. */
  dispatch(method: string, url: string, options?: DispatchOptions): Promise<RecordingExchange>;
  /** The same, without waiting: to see whether the route answered synchronously. */
  start(method: string, url: string, options?: DispatchOptions): RecordingExchange;
}

/** Builds and initialises a micro app on a table-only adapter. The app must have been made with `App.new({ adapter: ... })` by `microApp()`. */
export async function compile(app: App): Promise<Compiled> {
  const application = await app.build();
  await application.init();
  const adapter = application.getHttpAdapter() as TableAdapter;
  const table = adapter.table as RouteTableView;
  const start = (method: string, url: string, options: DispatchOptions = {}): RecordingExchange => {
    const [path, query = ''] = url.split('?');
    const headers: IncomingHeaders = { host: 'test', ...options.headers };
    let body: Buffer | Error | undefined = options.bodyError;
    if (options.body !== undefined) {
      if (Buffer.isBuffer(options.body)) body = options.body;
      else if (typeof options.body === 'string') body = Buffer.from(options.body);
      else {
        body = Buffer.from(JSON.stringify(options.body));
        headers['content-type'] ??= 'application/json';
      }
    }
    if (body !== undefined) headers['content-length'] ??= String(body instanceof Error ? 10 : body.length);
    const match = table.lookup(method, path);
    const exchange = new RecordingExchange(body);
    match.handle.run(new ArmatureRequest(method, path, query, headers, { ...match.params }), exchange);
    return exchange;
  };
  return {
    application,
    table,
    start,
    dispatch: async (method, url, options) => {
      const exchange = start(method, url, options);
      await exchange.done;
      return exchange;
    },
  };
}

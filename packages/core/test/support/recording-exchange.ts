import { Readable } from 'node:stream';
import type { HttpExchange, OutgoingHeaders } from '../../src/adapters/http-exchange';
import { PayloadTooLargeException } from '../../src/exceptions';

/** An in-memory exchange: records what the pipeline answers, for tests without sockets. */
export class RecordingExchange implements HttpExchange {
  aborted = false;
  status?: number;
  headers: Record<string, string> = {};
  body?: string | Buffer | null;
  closeConnection?: boolean;
  streamed?: Readable;
  private resolveDone!: () => void;
  /** Resolves once the pipeline answered. */
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(private readonly requestBody?: Buffer | Error) {}

  readBody(): Promise<Buffer> {
    if (this.requestBody instanceof Error) return Promise.reject(this.requestBody);
    return Promise.resolve(this.requestBody ?? Buffer.alloc(0));
  }

  /** The request body as one chunk; errors like the adapters' (the given error, or 413 over `limit`). */
  bodyStream(limit: number): Readable {
    const body = this.requestBody ?? Buffer.alloc(0);
    if (body instanceof Error) return Readable.from([]).destroy(body);
    if (body.length > limit) return Readable.from([]).destroy(new PayloadTooLargeException(`Request body is larger than the limit of ${limit} bytes`));
    return Readable.from([body]);
  }

  send(status: number, headers: OutgoingHeaders, body: string | Buffer | null, closeConnection?: boolean): void {
    if (this.status !== undefined) throw new Error('answered twice');
    this.status = status;
    this.headers = toRecord(headers);
    this.body = body;
    this.closeConnection = closeConnection;
    this.resolveDone();
  }

  stream(status: number, headers: OutgoingHeaders, source: Readable): void {
    this.status = status;
    this.headers = toRecord(headers);
    this.streamed = source;
    this.resolveDone();
  }

  json(): unknown {
    return JSON.parse(String(this.body));
  }
}

function toRecord(flat: OutgoingHeaders): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) record[flat[i]] = record[flat[i]] === undefined ? flat[i + 1] : `${record[flat[i]]}, ${flat[i + 1]}`;
  return record;
}

import { Readable } from 'node:stream';

export interface StreamableFileOptions {
  /** Content-Type (default application/octet-stream). */
  type?: string;
  /** Content-Disposition, e.g. `attachment; filename="cats.csv"`. */
  disposition?: string;
  /** Known length. Kept for NestJS compatibility; the body is still sent chunked (adapters stream with chunked encoding). */
  length?: number;
}

/** NestJS's `StreamableFile`: return it from a handler to stream a Buffer or a Readable. */
export class StreamableFile {
  private readonly stream: Readable;

  constructor(
    bufferOrReadable: Uint8Array | Readable,
    readonly options: StreamableFileOptions = {},
  ) {
    this.stream = bufferOrReadable instanceof Readable ? bufferOrReadable : Readable.from([Buffer.from(bufferOrReadable)]);
  }

  getStream(): Readable {
    return this.stream;
  }

  /** Headers this file sets, flattened, for the pipeline. */
  getHeaders(): string[] {
    const headers = ['content-type', this.options.type ?? 'application/octet-stream'];
    if (this.options.disposition !== undefined) headers.push('content-disposition', this.options.disposition);
    return headers;
  }
}

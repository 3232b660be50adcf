import { randomBytes } from 'node:crypto';

export interface FieldPart {
  name: string;
  value: string;
}

export interface FilePart {
  name: string;
  filename: string;
  content: Buffer | string;
  type?: string;
}

export type Part = FieldPart | FilePart;

/** A multipart/form-data body built by hand, for raw-socket tests that send it in pieces. */
export class MultipartBody {
  readonly boundary = `----armature${randomBytes(8).toString('hex')}`;

  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }

  /** One part, with its leading boundary line. */
  part(part: Part): Buffer {
    if ('value' in part) {
      return Buffer.from(`--${this.boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
    }
    const head = `--${this.boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), Buffer.from(part.content), Buffer.from('\r\n')]);
  }

  /** The head of a file part only: its bytes follow, sent separately. */
  fileHead(name: string, filename: string): Buffer {
    return Buffer.from(`--${this.boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  }

  get end(): Buffer {
    return Buffer.from(`--${this.boundary}--\r\n`);
  }

  build(parts: Part[]): Buffer {
    return Buffer.concat([...parts.map((part) => this.part(part)), this.end]);
  }

  /** A request head for a body of `length` bytes. */
  requestHead(path: string, length: number): string {
    return `POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: ${this.contentType}\r\nContent-Length: ${length}\r\n\r\n`;
  }
}

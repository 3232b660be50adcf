import { Readable } from 'node:stream';
import { lastValueFrom, of } from 'rxjs';
import { ArmatureRequest } from '../../src/http/request';
import type { ExecutionContext } from '../../src/enhancers/interfaces';
import { PayloadTooLargeException } from '../../src/exceptions';
import { AnyFilesInterceptor, FileInterceptor, type IncomingFile, type StorageEngine, type UploadedFileInfo } from '../../src/uploads';
import { MultipartBody, type Part } from './support/multipart-body';

/** A request whose body stream yields `body` in chunks of `chunkSize` bytes. */
function multipartRequest(multipart: MultipartBody, body: Buffer, chunkSize = 7): ArmatureRequest {
  const request = new ArmatureRequest('POST', '/upload', '', { 'content-type': multipart.contentType }, {});
  const chunks: Buffer[] = [];
  for (let i = 0; i < body.length; i += chunkSize) chunks.push(body.subarray(i, i + chunkSize));
  request.bodyStream = Readable.from(chunks);
  return request;
}

function contextOf(request: ArmatureRequest): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

/** Runs the interceptor like the pipeline; resolves with the request once the handler would run. */
async function intercept(Interceptor: ReturnType<typeof AnyFilesInterceptor>, request: ArmatureRequest): Promise<ArmatureRequest> {
  return lastValueFrom(await new Interceptor().intercept(contextOf(request), { handle: () => of(request) }) as never);
}

/** A multer-style engine that keeps file contents as text and records what it was asked to do. */
class RecordingStorage implements StorageEngine {
  readonly removed: string[] = [];
  _handleFile(_request: unknown, file: IncomingFile, callback: (error?: Error | null, info?: Partial<UploadedFileInfo>) => void): void {
    let text = '';
    file.stream.setEncoding('utf8');
    file.stream.on('data', (chunk: string) => (text += chunk));
    file.stream.on('error', (error) => callback(error));
    file.stream.on('end', () => callback(null, { size: text.length, path: `memory:${text}` }));
  }
  _removeFile(_request: unknown, file: UploadedFileInfo, callback: (error: Error | null) => void): void {
    this.removed.push(file.originalname);
    callback(null);
  }
}

describe('reading multipart bodies (no sockets)', () => {
  const multipart = new MultipartBody();
  const body = (parts: Part[]) => multipart.build(parts);

  it('keeps a field named __proto__ as a plain field, with no prototype to pollute', async () => {
    const request = multipartRequest(multipart, body([{ name: '__proto__', value: 'x' }, { name: 'constructor', value: 'y' }]));
    await intercept(AnyFilesInterceptor(), request);
    expect(Object.getPrototypeOf(request.body)).toBeNull();
    expect(Object.entries(request.body as object)).toEqual([['__proto__', 'x'], ['constructor', 'y']]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('works with a multer-style storage engine', async () => {
    const storage = new RecordingStorage();
    const request = multipartRequest(multipart, body([{ name: 'doc', filename: 'a.txt', content: 'alpha', type: 'text/plain' }]));
    await intercept(FileInterceptor('doc', { storage }), request);
    expect(request.file).toEqual({ fieldname: 'doc', originalname: 'a.txt', encoding: '7bit', mimetype: 'text/plain', size: 5, path: 'memory:alpha' });
  });

  it('asks the storage engine to remove what it stored when a later part fails the request', async () => {
    const storage = new RecordingStorage();
    const request = new ArmatureRequest('POST', '/upload', '', { 'content-type': multipart.contentType }, {});
    // The third file comes once the first two are stored.
    request.bodyStream = Readable.from(
      (async function* () {
        yield Buffer.concat([multipart.part({ name: 'a', filename: 'first.txt', content: 'one' }), multipart.part({ name: 'b', filename: 'second.txt', content: 'two' })]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield Buffer.concat([multipart.part({ name: 'c', filename: 'third.txt', content: 'three' }), multipart.end]);
      })(),
    );
    await expect(intercept(AnyFilesInterceptor({ storage, limits: { files: 2 } }), request)).rejects.toThrow('Too many files');
    expect(storage.removed.sort()).toEqual(['first.txt', 'second.txt']);
    expect(request.files).toBeUndefined();
  });

  it('holds the body to totalSize itself, whatever limit the stream was opened with', async () => {
    const request = multipartRequest(multipart, body([{ name: 'f', filename: 'big.bin', content: 'x'.repeat(5000) }]), 512);
    const failure = intercept(AnyFilesInterceptor({ limits: { totalSize: 2048 } }), request);
    await expect(failure).rejects.toBeInstanceOf(PayloadTooLargeException);
    await expect(failure).rejects.toThrow('Request body is larger than the limit of 2048 bytes');
    expect(request.bodyStream).toBeUndefined();
  });

  it('waits for an asynchronous file filter, keeping the file order', async () => {
    const fileFilter = (_request: unknown, file: { originalname: string }, callback: (error: Error | null, accept: boolean) => void) =>
      setTimeout(() => callback(null, file.originalname !== 'skip.txt'), file.originalname === 'slow.txt' ? 30 : 1);
    const parts: Part[] = [
      { name: 'f', filename: 'slow.txt', content: 'slow' },
      { name: 'f', filename: 'skip.txt', content: 'skip' },
      { name: 'f', filename: 'fast.txt', content: 'fast' },
    ];
    const request = multipartRequest(multipart, body(parts));
    await intercept(AnyFilesInterceptor({ fileFilter }), request);
    expect((request.files as UploadedFileInfo[]).map((file) => [file.originalname, file.buffer?.toString()])).toEqual([
      ['slow.txt', 'slow'],
      ['fast.txt', 'fast'],
    ]);
  });

  it('reads the body once: a second file interceptor on the route finds nothing left to read', async () => {
    const request = multipartRequest(multipart, body([{ name: 'file', filename: 'a.txt', content: 'a' }]));
    await intercept(FileInterceptor('file'), request);
    const first = request.file;
    await intercept(AnyFilesInterceptor(), request);
    expect(request.file).toBe(first);
    expect(request.files).toBeUndefined();
  });
});

describe('file interceptor classes', () => {
  it('carry the markers the pipeline reads', () => {
    const Interceptor = FileInterceptor('file', { limits: { totalSize: 10_000_000 } });
    expect(Interceptor.consumesMultipart).toBe(true);
    expect(Interceptor.bodyLimit).toBe(10_000_000);
    expect(AnyFilesInterceptor().bodyLimit).toBeUndefined();
    expect(Interceptor.name).toBe('FileInterceptor');
  });

  it('are distinct classes per call, each with its own options', () => {
    expect(FileInterceptor('a')).not.toBe(FileInterceptor('a'));
  });
});

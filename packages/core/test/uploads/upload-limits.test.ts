import { randomBytes } from 'node:crypto';
import { FormData, fetch } from 'undici';
import { PayloadTooLargeException } from '../../src/exceptions';
import { AnyFilesInterceptor, FileInterceptor } from '../../src/uploads';
import { MultipartBody } from './support/multipart-body';
import { delay, rawUpload } from './support/raw-client';
import { ADAPTER_NAMES, startUploadServer, type UploadServer } from './support/upload-server';

const APP_BODY_LIMIT = 256 * 1024;

function tooLarge(message: string) {
  return { message, error: 'Payload Too Large', statusCode: 413 };
}

describe.each(ADAPTER_NAMES)('upload limits (%s)', (adapterName) => {
  let server: UploadServer;

  beforeAll(async () => {
    server = await startUploadServer(
      adapterName,
      {
        '/file-size': FileInterceptor('file', { limits: { fileSize: 1000, totalSize: 8 * 1024 * 1024 } }),
        '/files': AnyFilesInterceptor({ limits: { files: 2 } }),
        '/fields': AnyFilesInterceptor({ limits: { fields: 2 } }),
        '/field-size': AnyFilesInterceptor({ limits: { fieldSize: 10 } }),
        '/field-name': AnyFilesInterceptor({ limits: { fieldNameSize: 5 } }),
        '/parts': AnyFilesInterceptor({ limits: { parts: 3 } }),
        '/total': AnyFilesInterceptor({ limits: { totalSize: 4096 } }),
        '/app-limit': AnyFilesInterceptor(),
      },
      APP_BODY_LIMIT,
    );
  });

  afterAll(() => server.close());

  async function post(path: string, form: FormData): Promise<{ status: number; connection: string | null; json: any }> {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: form });
    return { status: response.status, connection: response.headers.get('connection'), json: await response.json() };
  }

  async function expectStillServing(): Promise<void> {
    const response = await fetch(`${server.url}/ok`);
    expect(await response.text()).toBe('ok');
  }

  function fileForm(field: string, sizes: number[]): FormData {
    const form = new FormData();
    sizes.forEach((size, i) => form.append(field, new Blob([randomBytes(size)]), `f${i}.bin`));
    return form;
  }

  function fieldForm(entries: Array<[string, string]>): FormData {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return form;
  }

  describe('fileSize', () => {
    it('accepts a file of exactly fileSize bytes', async () => {
      const { status, json } = await post('/file-size', fileForm('file', [1000]));
      expect(status).toBe(201);
      expect(json.file.size).toBe(1000);
    });

    it('answers 413 File too large, closes the connection, and keeps serving', async () => {
      const { status, connection, json } = await post('/file-size', fileForm('file', [1001]));
      expect(status).toBe(413);
      expect(connection).toBe('close');
      expect(json).toEqual(tooLarge('File too large'));
      await expectStillServing();
    });

    it('gives an HTTP client uploading a 4 MiB file the 413', async () => {
      const { status, json } = await post('/file-size', fileForm('file', [4 * 1024 * 1024]));
      expect(status).toBe(413);
      expect(json.message).toBe('File too large');
    });

    it('answers as soon as the file goes over, while the rest of the body is still to come', async () => {
      const multipart = new MultipartBody();
      const outcome = await rawUpload(server.port, (socket) => {
        // Declares 200 KB, sends 2 KB of the file, then waits: the 413 must not wait for the rest.
        socket.write(multipart.requestHead('/file-size', 200_000));
        socket.write(Buffer.concat([multipart.part({ name: 'title', value: 'big' }), multipart.fileHead('file', 'big.bin'), randomBytes(2000)]));
      });
      expect(outcome.response?.status).toBe(413);
      expect(JSON.parse(outcome.response!.body)).toEqual(tooLarge('File too large'));
      expect(outcome.closed).toBe(true);
      expect(await server.outcomes.at(-1)).toBeInstanceOf(PayloadTooLargeException);
      await expectStillServing();
    });
  });

  describe('files', () => {
    it('accepts as many files as the limit', async () => {
      expect((await post('/files', fileForm('f', [10, 10]))).status).toBe(201);
    });

    it('answers 413 Too many files at the head of the extra file, without waiting for its bytes', async () => {
      const multipart = new MultipartBody();
      const outcome = await rawUpload(server.port, (socket) => {
        socket.write(multipart.requestHead('/files', 200_000));
        socket.write(Buffer.concat([multipart.part({ name: 'f', filename: 'a', content: 'a' }), multipart.part({ name: 'f', filename: 'b', content: 'b' }), multipart.fileHead('f', 'c'), Buffer.from('first bytes')]));
      });
      expect(outcome.response?.status).toBe(413);
      expect(JSON.parse(outcome.response!.body)).toEqual(tooLarge('Too many files'));
      await expectStillServing();
    });
  });

  describe('fields', () => {
    it('accepts as many fields as the limit', async () => {
      expect((await post('/fields', fieldForm([['a', '1'], ['b', '2']]))).json.body).toEqual({ a: '1', b: '2' });
    });

    it('answers 413 Too many fields, and keeps serving', async () => {
      const { status, json } = await post('/fields', fieldForm([['a', '1'], ['b', '2'], ['c', '3']]));
      expect(status).toBe(413);
      expect(json).toEqual(tooLarge('Too many fields'));
      await expectStillServing();
    });
  });

  describe('fieldSize, fieldNameSize and parts', () => {
    it('accepts a value of exactly fieldSize bytes and refuses a longer one with 413', async () => {
      expect((await post('/field-size', fieldForm([['note', '0123456789']]))).status).toBe(201);
      const { status, json } = await post('/field-size', fieldForm([['note', '0123456789!']]));
      expect(status).toBe(413);
      expect(json).toEqual(tooLarge('Field value too long'));
    });

    it('refuses a field name longer than fieldNameSize with 413', async () => {
      expect((await post('/field-name', fieldForm([['short', 'ok']]))).status).toBe(201);
      const { status, json } = await post('/field-name', fieldForm([['longer', 'no']]));
      expect(status).toBe(413);
      expect(json).toEqual(tooLarge('Field name too long'));
    });

    it('counts files and fields as parts, and refuses the part past the limit with 413', async () => {
      const three = fieldForm([['a', '1'], ['b', '2']]);
      three.append('f', new Blob(['x']), 'x.txt');
      expect((await post('/parts', three)).status).toBe(201);
      three.append('c', '3');
      const { status, json } = await post('/parts', three);
      expect(status).toBe(413);
      expect(json).toEqual(tooLarge('Too many parts'));
      await expectStillServing();
    });
  });

  describe('total body size', () => {
    it('opens the body with the interceptor’s totalSize: a larger declared length is refused before it is read', async () => {
      const { status, connection, json } = await post('/total', fileForm('f', [5000]));
      expect(status).toBe(413);
      expect(connection).toBe('close');
      expect(json).toEqual(tooLarge('Request body is larger than the limit of 4096 bytes'));
      await expectStillServing();
    });

    it('answers 413 as soon as the running total of a chunked upload crosses it', async () => {
      const multipart = new MultipartBody();
      const chunk = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
      const outcome = await rawUpload(server.port, async (socket) => {
        socket.write(`POST /total HTTP/1.1\r\nHost: test\r\nContent-Type: ${multipart.contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`);
        socket.write(chunk(Buffer.concat([multipart.fileHead('f', 'x.bin'), randomBytes(3000)])));
        await delay(50);
        socket.write(chunk(randomBytes(2000)));
        // ...and nothing more: the form never ends.
      });
      expect(outcome.response?.status).toBe(413);
      expect(JSON.parse(outcome.response!.body).message).toBe('Request body is larger than the limit of 4096 bytes');
      expect(outcome.closed).toBe(true);
      await expectStillServing();
    });

    it('falls back to the application’s body limit', async () => {
      expect((await post('/app-limit', fileForm('f', [200 * 1024]))).status).toBe(201);
      const { status, json } = await post('/app-limit', fileForm('f', [300 * 1024]));
      expect(status).toBe(413);
      expect(json.message).toBe(`Request body is larger than the limit of ${APP_BODY_LIMIT} bytes`);
    });
  });
});

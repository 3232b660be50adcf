import { randomBytes } from 'node:crypto';
import { FormData, fetch } from 'undici';
import { BadRequestException } from '../../src/exceptions';
import {
  AnyFilesInterceptor,
  FileFieldsInterceptor,
  FileInterceptor,
  FilesInterceptor,
  NoFilesInterceptor,
  type FileFilterCallback,
  type IncomingFileInfo,
} from '../../src/uploads';
import { MultipartBody } from './support/multipart-body';
import { ADAPTER_NAMES, sha256, startUploadServer, type UploadResult, type UploadServer } from './support/upload-server';

function fileBlob(content: Buffer | string, type = 'application/octet-stream'): Blob {
  return new Blob([content], { type });
}

/** Keeps text files, skips images, and refuses files named `forbidden*` with a 403-like HttpException. */
function textOnly(_request: unknown, file: IncomingFileInfo, callback: FileFilterCallback): void {
  if (file.originalname.startsWith('forbidden')) return callback(new BadRequestException('Only text files'));
  callback(null, file.mimetype === 'text/plain');
}

describe.each(ADAPTER_NAMES)('file interceptors with memory storage (%s)', (adapterName) => {
  let server: UploadServer;

  beforeAll(async () => {
    server = await startUploadServer(adapterName, {
      '/single': FileInterceptor('file'),
      '/array': FilesInterceptor('photos', 3),
      '/fields': FileFieldsInterceptor([{ name: 'avatar', maxCount: 1 }, { name: 'documents', maxCount: 2 }]),
      '/any': AnyFilesInterceptor(),
      '/none': NoFilesInterceptor(),
      '/filtered': AnyFilesInterceptor({ fileFilter: textOnly }),
    });
  });

  afterAll(() => server.close());

  async function post(path: string, form: FormData): Promise<{ status: number; json: any }> {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body: form });
    return { status: response.status, json: await response.json() };
  }

  async function expectStillServing(): Promise<void> {
    const response = await fetch(`${server.url}/ok`);
    expect(await response.text()).toBe('ok');
  }

  it('stores a single file in memory, with multer’s fields', async () => {
    const content = randomBytes(200 * 1024);
    const form = new FormData();
    form.append('file', fileBlob(content, 'image/png'), 'cat.png');
    const { status, json } = await post('/single', form);
    expect(status).toBe(201);
    expect((json as UploadResult).file).toEqual({ fieldname: 'file', originalname: 'cat.png', mimetype: 'image/png', size: content.length, sha256: sha256(content) });
    expect(json.body).toEqual({});
  });

  it('keeps an UTF-8 file name intact', async () => {
    const form = new FormData();
    form.append('file', fileBlob('x'), 'résumé 履歴書.txt');
    const { json } = await post('/single', form);
    expect(json.file.originalname).toBe('résumé 履歴書.txt');
  });

  it('gives the text fields to @Body(), a repeated name as an array', async () => {
    const form = new FormData();
    form.append('title', 'Holidays');
    form.append('tags', 'sea');
    form.append('tags', 'sun');
    form.append('file', fileBlob('hello'), 'a.txt');
    form.append('after', 'the file');
    const { status, json } = await post('/single', form);
    expect(status).toBe(201);
    expect(json.body).toEqual({ title: 'Holidays', tags: ['sea', 'sun'], after: 'the file' });
    expect(json.file.sha256).toBe(sha256('hello'));
  });

  it('stores several files of one field in arrival order', async () => {
    const contents = [randomBytes(1000), randomBytes(70_000), randomBytes(5)];
    const form = new FormData();
    contents.forEach((content, i) => form.append('photos', fileBlob(content), `p${i}.bin`));
    const { status, json } = await post('/array', form);
    expect(status).toBe(201);
    expect(json.files.map((file: { originalname: string; sha256: string }) => [file.originalname, file.sha256])).toEqual(
      contents.map((content, i) => [`p${i}.bin`, sha256(content)]),
    );
  });

  it('gives an empty array when a files route receives only fields', async () => {
    const form = new FormData();
    form.append('note', 'no photos today');
    const { json } = await post('/array', form);
    expect(json).toEqual({ body: { note: 'no photos today' }, files: [] });
  });

  it('answers 400 Unexpected field past maxCount, and keeps serving', async () => {
    const form = new FormData();
    for (let i = 0; i < 4; i++) form.append('photos', fileBlob('x'), `p${i}.bin`);
    const { status, json } = await post('/array', form);
    expect(status).toBe(400);
    expect(json).toEqual({ message: 'Unexpected field', error: 'Bad Request', statusCode: 400 });
    await expectStillServing();
  });

  it('maps files to their fields with FileFieldsInterceptor', async () => {
    const form = new FormData();
    form.append('documents', fileBlob('doc one'), 'one.txt');
    form.append('avatar', fileBlob('face', 'image/jpeg'), 'me.jpg');
    form.append('documents', fileBlob('doc two'), 'two.txt');
    const { status, json } = await post('/fields', form);
    expect(status).toBe(201);
    expect(Object.keys(json.files).sort()).toEqual(['avatar', 'documents']);
    expect(json.files.avatar.map((file: { originalname: string }) => file.originalname)).toEqual(['me.jpg']);
    expect(json.files.documents.map((file: { sha256: string }) => file.sha256)).toEqual([sha256('doc one'), sha256('doc two')]);
  });

  it('answers 400 for a file in a field FileFieldsInterceptor does not list', async () => {
    const form = new FormData();
    form.append('avatar', fileBlob('face'), 'me.jpg');
    form.append('banner', fileBlob('wide'), 'banner.jpg');
    const { status, json } = await post('/fields', form);
    expect(status).toBe(400);
    expect(json.message).toBe('Unexpected field');
  });

  it('takes files from any field with AnyFilesInterceptor', async () => {
    const form = new FormData();
    form.append('a', fileBlob('1'), '1.txt');
    form.append('b', fileBlob('2'), '2.txt');
    form.append('kind', 'mixed');
    const { json } = await post('/any', form);
    expect(json.files.map((file: { fieldname: string }) => file.fieldname)).toEqual(['a', 'b']);
    expect(json.body).toEqual({ kind: 'mixed' });
  });

  it('reads text fields only with NoFilesInterceptor, and refuses a file', async () => {
    const fields = new FormData();
    fields.append('name', 'Tom');
    expect((await post('/none', fields)).json).toEqual({ body: { name: 'Tom' } });

    const withFile = new FormData();
    withFile.append('name', 'Tom');
    withFile.append('file', fileBlob('x'), 'x.txt');
    const { status, json } = await post('/none', withFile);
    expect(status).toBe(400);
    expect(json.message).toBe('Unexpected field');
  });

  it('answers 400 Unexpected field for a file sent under another name, and keeps serving', async () => {
    const form = new FormData();
    form.append('document', fileBlob('x'), 'x.txt');
    const { status, json } = await post('/single', form);
    expect(status).toBe(400);
    expect(json).toEqual({ message: 'Unexpected field', error: 'Bad Request', statusCode: 400 });
    await expectStillServing();
  });

  it('answers 400 for a second file in a single-file field', async () => {
    const form = new FormData();
    form.append('file', fileBlob('1'), '1.txt');
    form.append('file', fileBlob('2'), '2.txt');
    expect((await post('/single', form)).status).toBe(400);
  });

  it('skips files the filter declines and fails the request with the error it gives', async () => {
    const form = new FormData();
    form.append('a', fileBlob('text', 'text/plain'), 'a.txt');
    form.append('b', fileBlob(randomBytes(50_000), 'image/png'), 'b.png');
    form.append('c', fileBlob('more text', 'text/plain'), 'c.txt');
    const { json } = await post('/filtered', form);
    expect(json.files.map((file: { originalname: string }) => file.originalname)).toEqual(['a.txt', 'c.txt']);

    const refused = new FormData();
    refused.append('a', fileBlob('text', 'text/plain'), 'forbidden.txt');
    const { status, json: error } = await post('/filtered', refused);
    expect(status).toBe(400);
    expect(error.message).toBe('Only text files');
  });

  it('leaves a request that is not multipart to the rest of the pipeline', async () => {
    const response = await fetch(`${server.url}/single`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(response.status).toBe(201);
    // No stream was opened: body and file stay as the pipeline left them.
    expect(await response.json()).toEqual({});
  });

  it('answers 400 for a multipart Content-Type without a boundary', async () => {
    const response = await fetch(`${server.url}/single`, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'abc' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Multipart: Boundary not found', error: 'Bad Request', statusCode: 400 });
  });

  it('answers 400 for a body that ends before the form does', async () => {
    const multipart = new MultipartBody();
    const truncated = Buffer.concat([multipart.part({ name: 'a', value: '1' }), multipart.fileHead('file', 'x.txt'), Buffer.from('partial')]);
    const response = await fetch(`${server.url}/single`, { method: 'POST', headers: { 'content-type': multipart.contentType }, body: truncated });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('Unexpected end of form');
    await expectStillServing();
  });
});

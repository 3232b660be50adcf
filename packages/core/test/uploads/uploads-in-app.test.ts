import { randomBytes } from 'node:crypto';
import { FormData, fetch } from 'undici';
import { Body, Controller, Module, Post, UseInterceptors, type ArmatureApplication, type HttpServerAdapter } from '@armature/core';
import { NodeAdapter } from '@armature/platform-node';
import { UwsAdapter } from '@armature/platform-uws';
import { ArmatureFactory } from '../../src/application/armature-factory';
import { FileFieldsInterceptor, FileInterceptor, UploadedFile, UploadedFiles, type UploadedFileInfo } from '../../src/uploads';
import { sha256 } from './support/upload-server';

/** The pipes an `@UploadedFile(pipe)` parameter went through, in order. */
const piped: unknown[] = [];
const recordingPipe = { transform: (value: unknown) => (piped.push(value), value) };

@Controller('media')
class MediaController {
  @Post('avatar')
  @UseInterceptors(FileInterceptor('avatar', { limits: { fileSize: 64 * 1024 } }))
  avatar(@UploadedFile(recordingPipe) file: UploadedFileInfo, @Body() body: Record<string, unknown>) {
    return { name: file.originalname, size: file.size, sha256: sha256(file.buffer as Buffer), body };
  }

  /** Its own total limit (512 KiB) replaces the app's body limit (128 KiB here) for this route. */
  @Post('archive')
  @UseInterceptors(FileInterceptor('archive', { limits: { totalSize: 512 * 1024 } }))
  archive(@UploadedFile() file: UploadedFileInfo) {
    return { size: file.size };
  }

  @Post('gallery')
  @UseInterceptors(FileFieldsInterceptor([{ name: 'cover', maxCount: 1 }, { name: 'pages' }]))
  gallery(@UploadedFiles() files: Record<string, UploadedFileInfo[]>) {
    return Object.fromEntries(Object.entries(files).map(([field, list]) => [field, list.map((file) => file.originalname)]));
  }
}

@Module({ controllers: [MediaController] })
class MediaModule {}

const ADAPTERS: Array<[string, () => HttpServerAdapter]> = [
  ['uws', () => new UwsAdapter()],
  ['node', () => new NodeAdapter()],
];

describe.each(ADAPTERS)('uploads through the request pipeline (%s)', (_name, createAdapter) => {
  let app: ArmatureApplication;
  let url: string;

  beforeAll(async () => {
    app = await ArmatureFactory.create(MediaModule, createAdapter(), { logger: false, bodyLimit: 128 * 1024 });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(() => app.close());

  it('an interceptor’s limits.totalSize replaces the app body limit for its route', async () => {
    const upload = async (path: string, field: string, bytes: number) => {
      const form = new FormData();
      form.append(field, new Blob([randomBytes(bytes)]), 'big.bin');
      return fetch(`${url}/media/${path}`, { method: 'POST', body: form });
    };
    const accepted = await upload('archive', 'archive', 300_000);
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toEqual({ size: 300_000 });
    expect((await upload('archive', 'archive', 600_000)).status).toBe(413);
    expect((await upload('gallery', 'cover', 200_000)).status).toBe(413); // the app's 128 KiB limit
  });

  it('hands @UploadedFile() (through its pipes) and @Body() to the handler', async () => {
    piped.length = 0;
    const content = randomBytes(10_000);
    const form = new FormData();
    form.append('caption', 'me');
    form.append('avatar', new Blob([content], { type: 'image/png' }), 'me.png');
    const response = await fetch(`${url}/media/avatar`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: 'me.png', size: 10_000, sha256: sha256(content), body: { caption: 'me' } });
    expect(piped).toEqual([expect.objectContaining({ fieldname: 'avatar', originalname: 'me.png' })]);
  });

  it('answers 413 with Connection: close for a file over its limit, and keeps serving', async () => {
    const form = new FormData();
    form.append('avatar', new Blob([randomBytes(100 * 1024)]), 'big.png');
    const response = await fetch(`${url}/media/avatar`, { method: 'POST', body: form });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ message: 'File too large', error: 'Payload Too Large', statusCode: 413 });

    const again = new FormData();
    again.append('avatar', new Blob(['small']), 'small.png');
    expect((await fetch(`${url}/media/avatar`, { method: 'POST', body: again })).status).toBe(201);
  });

  it('answers 400 Unexpected field for a file in the wrong field', async () => {
    const form = new FormData();
    form.append('photo', new Blob(['x']), 'x.png');
    const response = await fetch(`${url}/media/avatar`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Unexpected field', error: 'Bad Request', statusCode: 400 });
  });

  it('hands @UploadedFiles() grouped by field', async () => {
    const form = new FormData();
    form.append('pages', new Blob(['1']), 'p1.png');
    form.append('cover', new Blob(['c']), 'cover.png');
    form.append('pages', new Blob(['2']), 'p2.png');
    const response = await fetch(`${url}/media/gallery`, { method: 'POST', body: form });
    expect(await response.json()).toEqual({ cover: ['cover.png'], pages: ['p1.png', 'p2.png'] });
  });
});

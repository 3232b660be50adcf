import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormData, fetch } from 'undici';
import { RequestAbortedError } from '../../src/adapters/http-exchange';
import { PayloadTooLargeException } from '../../src/exceptions';
import { FileInterceptor, FilesInterceptor, diskStorage } from '../../src/uploads';
import { MultipartBody } from './support/multipart-body';
import { delay, rawUpload } from './support/raw-client';
import { ADAPTER_NAMES, sha256, startUploadServer, type UploadServer } from './support/upload-server';

/** Polls until `check` holds or `timeoutMs` passed; returns whether it held. */
async function eventually(check: () => boolean, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await delay(10);
  return check();
}

describe.each(ADAPTER_NAMES)('disk storage (%s)', (adapterName) => {
  let server: UploadServer;
  const root = mkdtempSync(join(tmpdir(), 'armature-uploads-'));
  const named = join(root, 'named');
  const shorthand = join(root, 'dest');
  const untouched = join(root, 'untouched');
  /** Every name the `/docs` storage gave, i.e. every file it started writing. */
  const namesGiven: string[] = [];

  beforeAll(async () => {
    server = await startUploadServer(adapterName, {
      '/docs': FilesInterceptor('docs', 5, {
        // The name uses a field sent before the file, as multer allows.
        storage: diskStorage({
          destination: named,
          filename: (request, file, callback) => {
            const name = `${request.body.owner ?? 'nobody'}-${file.originalname}`;
            namesGiven.push(name);
            callback(null, name);
          },
        }),
        limits: { fileSize: 100_000, totalSize: 8 * 1024 * 1024 },
      }),
      '/dest': FileInterceptor('file', { dest: shorthand }),
      '/broken-disk': FileInterceptor('file', {
        storage: diskStorage({ destination: (_request, _file, callback) => callback(new Error('disk full'), untouched) }),
      }),
    });
  });

  afterEach(() => {
    for (const dir of [named, shorthand]) for (const entry of readdirSync(dir)) rmSync(join(dir, entry));
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('streams files to the destination under the chosen names', async () => {
    const contents = [randomBytes(80_000), randomBytes(30)];
    const form = new FormData();
    form.append('owner', 'ada');
    contents.forEach((content, i) => form.append('docs', new Blob([content]), `doc${i}.bin`));
    const response = await fetch(`${server.url}/docs`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const { files } = (await response.json()) as { files: Array<{ path: string; filename: string; size: number; sha256: string }> };
    expect(files.map((file) => [file.filename, file.path, file.size, file.sha256])).toEqual(
      contents.map((content, i) => [`ada-doc${i}.bin`, join(named, `ada-doc${i}.bin`), content.length, sha256(content)]),
    );
    expect(readdirSync(named).sort()).toEqual(['ada-doc0.bin', 'ada-doc1.bin']);
    expect(sha256(readFileSync(join(named, 'ada-doc0.bin')))).toBe(sha256(contents[0]));
  });

  it('creates `dest` and names files with 32 random hex characters', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    const { file } = (await (await fetch(`${server.url}/dest`, { method: 'POST', body: form })).json()) as { file: { filename: string; path: string } };
    expect(file.filename).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(file.path, 'utf8')).toBe('hello');
  });

  it('removes the files already written when a later file crosses a limit', async () => {
    const form = new FormData();
    form.append('docs', new Blob([randomBytes(60_000)]), 'ok.bin');
    form.append('docs', new Blob([randomBytes(300_000)]), 'too-big.bin');
    const response = await fetch(`${server.url}/docs`, { method: 'POST', body: form });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe('File too large');
    expect(await server.outcomes.at(-1)).toBeInstanceOf(PayloadTooLargeException);
    expect(namesGiven.slice(-2)).toEqual(['nobody-ok.bin', 'nobody-too-big.bin']);
    expect(readdirSync(named)).toEqual([]);
  });

  it('leaves no file behind when the client leaves mid-upload', async () => {
    const multipart = new MultipartBody();
    const started = server.outcomes.length;
    let bothOnDisk = false;
    const upload = rawUpload(server.port, (socket) => {
      socket.write(multipart.requestHead('/docs', 1_000_000));
      socket.write(Buffer.concat([multipart.part({ name: 'docs', filename: 'whole.bin', content: randomBytes(50_000) }), multipart.fileHead('docs', 'half.bin'), randomBytes(40_000)]));
      // Leaves once both files are on disk, the second one still being written.
      void eventually(() => readdirSync(named).length === 2).then((seen) => {
        bothOnDisk = seen;
        socket.destroy();
      });
    });
    await upload;
    expect(bothOnDisk).toBe(true);
    expect(server.outcomes.length).toBe(started + 1);
    expect(await server.outcomes[started]).toBeInstanceOf(RequestAbortedError);
    expect(readdirSync(named)).toEqual([]);
  });

  it('answers 500 when the storage fails, writes nothing, and keeps serving', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    const response = await fetch(`${server.url}/broken-disk`, { method: 'POST', body: form });
    expect(response.status).toBe(500);
    expect(await server.outcomes.at(-1)).toEqual(new Error('disk full'));
    expect(readdirSync(root).sort()).toEqual(['dest', 'named']);
    expect((await fetch(`${server.url}/ok`)).status).toBe(200);
  });
});

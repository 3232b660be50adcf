import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { request } from 'undici';
import {
  Compression,
  Controller,
  Cors,
  Get,
  Header,
  HttpCode,
  HttpResponse,
  Module,
  compression,
  get,
  isCompressibleType,
  negotiateEncoding,
  runtimeEncodings,
  type MicroServer,
} from '@armature/core';
import { compressionMiddleware } from '../../packages/core/src/built-in/compression/compression-middleware';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';
import { microApp, startMicro } from '../micro/support';

const BIG_TEXT = Array.from({ length: 400 }, (_, i) => `line ${i}: the quick brown fox jumps over the lazy dog`).join('\n');
const HUGE_TEXT = BIG_TEXT.repeat(10); // 220 KB: compressed on the thread pool rather than inline
const SMALL_TEXT = 'tiny';
const MEDIUM_TEXT = 'abc '.repeat(100); // 400 bytes: under the default threshold, yet compressible
const RANDOM_PNG = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251));
const SVG = `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(200)}</svg>`;

/** The stream of the slow route, so that the test decides when it ends. */
let slowStream: PassThrough | undefined;
/** The endless stream of the /endless route, to see it released when the client leaves. */
let endlessStream: Readable | undefined;

@Controller()
class PagesController {
  @Get('big')
  @Header('content-type', 'text/plain; charset=utf-8')
  big() {
    return BIG_TEXT;
  }

  @Get('huge')
  @Header('content-type', 'text/plain; charset=utf-8')
  huge() {
    return HUGE_TEXT;
  }

  @Get('small')
  @Header('content-type', 'text/plain; charset=utf-8')
  small() {
    return SMALL_TEXT;
  }

  @Get('medium')
  @Header('content-type', 'text/plain; charset=utf-8')
  medium() {
    return MEDIUM_TEXT;
  }

  @Get('json')
  json() {
    return Array.from({ length: 100 }, (_, id) => ({ id, name: `item ${id}`, tags: ['a', 'b'] }));
  }

  @Get('png')
  @Header('content-type', 'image/png')
  png() {
    return RANDOM_PNG;
  }

  @Get('svg')
  @Header('content-type', 'image/svg+xml')
  svg() {
    return SVG;
  }

  @Get('encoded')
  @Header('content-type', 'text/plain')
  @Header('content-encoding', 'gzip')
  encoded() {
    return zlib.gzipSync(BIG_TEXT);
  }

  @Get('no-transform')
  @Header('content-type', 'text/plain')
  @Header('cache-control', 'public, no-transform')
  noTransform() {
    return BIG_TEXT;
  }

  @Get('etag')
  @Header('content-type', 'text/plain')
  @Header('etag', '"v1"')
  etag() {
    return BIG_TEXT;
  }

  @Get('empty')
  @HttpCode(204)
  empty() {
    return undefined;
  }

  @Get('stream')
  @Header('content-type', 'text/plain')
  stream() {
    return Readable.from(BIG_TEXT.split('\n').map((line) => `${line}\n`));
  }

  @Get('slow')
  @Header('content-type', 'text/event-stream')
  slow() {
    slowStream = new PassThrough();
    slowStream.write('data: first\n\n');
    return slowStream;
  }

  @Get('endless')
  @Header('content-type', 'text/plain')
  endless() {
    let n = 0;
    endlessStream = new Readable({
      read() {
        setTimeout(() => this.push(`chunk ${n++}\n`.repeat(50)), 2);
      },
    });
    return endlessStream;
  }

  @Get('cors/big')
  @Header('content-type', 'text/plain')
  withCors() {
    return BIG_TEXT;
  }
}

@Module({ controllers: [PagesController] })
class AppModule {}

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString();
  if (encoding === undefined) return body.toString();
  throw new Error(`unexpected encoding ${encoding}`);
}

describe.each(ADAPTERS)('Compression middleware (%s)', (_name, createAdapter) => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, (app) => {
      app.use('/cors', Cors.permissive());
      app.use(Compression.default());
    });
  });
  afterAll(() => running.close());

  const get = async (path: string, acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') => {
    const res = await request(`${running.url}${path}`, { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
    const body = Buffer.from(await res.body.arrayBuffer());
    const headers = res.headers as Record<string, string | undefined>;
    return { status: res.statusCode, headers, body, encoding: headers['content-encoding'] };
  };

  it('compresses with brotli for a browser, dropping Content-Length and adding Vary', async () => {
    const res = await get('/big', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.encoding).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.length).toBeLessThan(BIG_TEXT.length / 4);
    expect(decode(res.encoding, res.body)).toBe(BIG_TEXT);
    // A Content-Length, when the adapter sends one, is the compressed size.
    if (res.headers['content-length'] !== undefined) expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });

  it.each([
    ['br;q=1, gzip;q=0.8', 'br'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['*;q=0.1, gzip', 'gzip'],
    ['GZIP;Q=0.5', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['gzip;q=0', undefined],
    ['identity;q=1, gzip;q=0.5', undefined],
    ['deflate', undefined],
    ['br;q=2, gzip;q=0.1', 'gzip'], // q=2 is malformed: that entry is ignored
    ['', undefined],
    [undefined, undefined],
  ])('negotiates Accept-Encoding %p → %p', async (accept, expected) => {
    const res = await get('/big', accept);
    expect(res.status).toBe(200);
    expect(res.encoding).toBe(expected);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(decode(res.encoding, res.body)).toBe(BIG_TEXT);
  });

  it.each(['br', 'gzip'])('compresses a large complete body (%s) off the event loop, intact', async (encoding) => {
    const res = await get('/huge', encoding);
    expect(res.encoding).toBe(encoding);
    expect(decode(res.encoding, res.body)).toBe(HUGE_TEXT);
  });

  it('compresses JSON answers too', async () => {
    const res = await get('/json', 'gzip');
    expect(res.encoding).toBe('gzip');
    expect(JSON.parse(decode(res.encoding, res.body))).toHaveLength(100);
  });

  it('leaves bodies under the threshold alone, unless the client refuses identity', async () => {
    const small = await get('/medium', 'br, gzip');
    expect(small.encoding).toBeUndefined();
    expect(small.headers.vary).toBe('Accept-Encoding');
    expect(small.body.toString()).toBe(MEDIUM_TEXT);
    const refused = await get('/small', 'identity;q=0, gzip');
    expect(refused.encoding).toBe('gzip');
    expect(decode(refused.encoding, refused.body)).toBe(SMALL_TEXT);
  });

  it('skips types compressed already, but compresses SVG', async () => {
    const png = await get('/png', 'br, gzip');
    expect(png.encoding).toBeUndefined();
    expect(png.headers.vary).toBeUndefined();
    expect(png.body.equals(RANDOM_PNG)).toBe(true);
    const svg = await get('/svg', 'br, gzip');
    expect(svg.encoding).toBe('br');
    expect(decode(svg.encoding, svg.body)).toBe(SVG);
  });

  it('never re-encodes a body that has a Content-Encoding, nor one marked no-transform', async () => {
    const encoded = await get('/encoded', 'br, gzip');
    expect(encoded.encoding).toBe('gzip');
    expect(zlib.gunzipSync(encoded.body).toString()).toBe(BIG_TEXT);
    const untouched = await get('/no-transform', 'br, gzip');
    expect(untouched.encoding).toBeUndefined();
    expect(untouched.body.toString()).toBe(BIG_TEXT);
  });

  it('leaves HEAD and 204 answers untouched', async () => {
    const head = await get('/big', 'br, gzip', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.encoding).toBeUndefined();
    expect(head.body.length).toBe(0);
    const empty = await get('/empty', 'br, gzip');
    expect(empty.status).toBe(204);
    expect(empty.encoding).toBeUndefined();
  });

  it('weakens a strong ETag on a compressed answer', async () => {
    const res = await get('/etag', 'gzip');
    expect(res.encoding).toBe('gzip');
    expect(res.headers.etag).toBe('W/"v1"');
    const plain = await get('/etag');
    expect(plain.headers.etag).toBe('"v1"');
  });

  it('follows a configured order of preference, and a configured threshold', async () => {
    const other = await startApp(AppModule, createAdapter, {}, (app) => app.use(compression({ encodings: ['gzip', 'br'], threshold: 2 })));
    try {
      const res = async (path: string, accept: string) => {
        const answer = await request(`${other.url}${path}`, { headers: { 'accept-encoding': accept } });
        const body = Buffer.from(await answer.body.arrayBuffer());
        const encoding = answer.headers['content-encoding'] as string | undefined;
        return { encoding, text: decode(encoding, body) };
      };
      expect(await res('/big', 'br, gzip')).toEqual({ encoding: 'gzip', text: BIG_TEXT });
      expect(await res('/big', 'br')).toEqual({ encoding: 'br', text: BIG_TEXT });
      expect(await res('/medium', 'br')).toEqual({ encoding: 'br', text: MEDIUM_TEXT }); // 400 bytes ≥ threshold 2
      // Compressing 4 bytes makes them larger: such a body is sent as it is.
      expect(await res('/small', 'br')).toEqual({ encoding: undefined, text: SMALL_TEXT });
    } finally {
      await other.close();
    }
  });

  it('merges its Vary with the one CORS sets', async () => {
    const res = await request(`${running.url}/cors/big`, { headers: { 'accept-encoding': 'gzip', origin: 'https://app.example' } });
    await res.body.dump();
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding, Origin');
  });

  it.each(['gzip', 'br'])('compresses a streamed body as it is produced (%s), decoding to the original', async (encoding) => {
    const res = await get('/stream', encoding);
    expect(res.encoding).toBe(encoding);
    expect(res.headers['content-length']).toBeUndefined();
    expect(decode(res.encoding, res.body)).toBe(`${BIG_TEXT}\n`);
  });

  it.each([
    ['gzip', () => zlib.createGunzip()],
    ['br', () => zlib.createBrotliDecompress()],
  ])('sends the first chunk of a slow %s stream before the stream ends', async (encoding, createDecoder) => {
    const res = await request(`${running.url}/slow`, { headers: { 'accept-encoding': encoding } });
    expect(res.headers['content-encoding']).toBe(encoding);
    const decoder = createDecoder();
    res.body.pipe(decoder);
    const decoded: string[] = [];
    const first = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the first chunk did not arrive while the stream was still open')), 3000);
      decoder.once('data', (chunk: Buffer) => {
        clearTimeout(timer);
        resolve(chunk.toString());
      });
    });
    expect(first).toBe('data: first\n\n');
    expect(slowStream?.writableEnded).toBe(false); // the server has not finished producing
    decoder.on('data', (chunk: Buffer) => decoded.push(chunk.toString()));
    const ended = new Promise((resolve) => decoder.once('end', resolve));
    slowStream?.end('data: second\n\n');
    await ended;
    expect(decoded.join('')).toBe('data: second\n\n');
  });
});

describe.each(ADAPTERS)('Compression when the client leaves (%s)', (_name, createAdapter) => {
  it('destroys the route stream behind the compressor when the client disconnects mid-stream', async () => {
    const running = await startApp(AppModule, createAdapter, {}, (app) => app.use(Compression.default()));
    try {
      const res = await request(`${running.url}/endless`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.headers['content-encoding']).toBe('gzip');
      const source = endlessStream as Readable;
      const closed = new Promise<void>((resolve) => (source.destroyed ? resolve() : source.once('close', () => resolve())));
      for await (const _chunk of res.body) break; // one chunk, then hang up
      await expect(Promise.race([closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open'), 3000))])).resolves.toBe('closed');
    } finally {
      await running.close();
    }
  });
});

describe('content-coding negotiation', () => {
  const order = ['br', 'zstd', 'gzip'] as const;

  it('prefers the server order on equal q-values and the client on higher ones', () => {
    expect(negotiateEncoding('gzip, br, zstd', order).encoding).toBe('br');
    expect(negotiateEncoding('gzip, br;q=0.9, zstd', order).encoding).toBe('zstd');
    expect(negotiateEncoding('zstd;q=0.2, gzip;q=0.1', order).encoding).toBe('zstd');
    expect(negotiateEncoding('zstd', ['br', 'gzip']).encoding).toBeUndefined();
  });

  it('reports a refused identity, which lets small bodies be compressed', () => {
    expect(negotiateEncoding('identity;q=0, gzip', order)).toEqual({ encoding: 'gzip', identityRefused: true });
    expect(negotiateEncoding('*;q=0, br', order)).toEqual({ encoding: 'br', identityRefused: true });
    expect(negotiateEncoding('identity;q=0', order)).toEqual({ encoding: undefined, identityRefused: true });
    expect(negotiateEncoding('gzip;q=0.5, identity;q=0.5', order)).toEqual({ encoding: 'gzip', identityRefused: false });
  });

  it('tells compressed formats from compressible ones', () => {
    for (const type of ['text/html; charset=utf-8', 'application/json', 'image/svg+xml', 'text/event-stream', 'application/wasm', 'font/ttf']) {
      expect(isCompressibleType(type)).toBe(true);
    }
    for (const type of ['image/png', 'image/webp', 'video/mp4', 'audio/ogg', 'application/zip', 'application/gzip', 'font/woff2', 'application/epub+zip', 'application/octet-stream', undefined]) {
      expect(isCompressibleType(type)).toBe(false);
    }
  });
});

describe('zstd detection', () => {
  const fakeZlib = (withZstd: boolean) => ({
    constants: { ...zlib.constants, ...(withZstd ? { ZSTD_e_flush: 1, ZSTD_c_compressionLevel: 100 } : {}) },
    ...(withZstd ? { createZstdCompress: () => new PassThrough(), zstdCompress: (buffer: Buffer, _o: object, cb: (e: Error | null, r: Buffer) => void) => cb(null, buffer.subarray(0, 10)), zstdCompressSync: (buffer: Buffer) => buffer.subarray(0, 10) } : {}),
  });

  it('offers zstd only when zlib has it', () => {
    expect(runtimeEncodings(fakeZlib(true))).toEqual(['br', 'gzip', 'zstd']);
    expect(runtimeEncodings(fakeZlib(false))).toEqual(['br', 'gzip']);
    const hasZstd = typeof (zlib as unknown as Record<string, unknown>).createZstdCompress === 'function';
    expect(runtimeEncodings().includes('zstd')).toBe(hasZstd);
  });

  it('negotiates zstd through a zlib that has it, and leaves it out where it does not', async () => {
    const next = async () => new (await import('@armature/core')).HttpResponse(200, ['content-type', 'text/plain'], BIG_TEXT);
    const req = { method: 'GET', header: () => 'zstd' } as never;
    const withZstd = await compressionMiddleware({}, fakeZlib(true))(req, next);
    expect(withZstd.getHeader('content-encoding')).toBe('zstd');
    const without = await compressionMiddleware({}, fakeZlib(false))(req, next);
    expect(without.getHeader('content-encoding')).toBeUndefined();
    expect(without.body).toBe(BIG_TEXT);
  });
});

describe.each(ADAPTERS)('Compression in a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  beforeAll(async () => {
    server = await startMicro(
      microApp(createAdapter)
        .wrap(Compression.default())
        .route('/text', get(() => HttpResponse.text(BIG_TEXT)))
        .route('/stream', get(() => HttpResponse.stream(Readable.from(['a'.repeat(5000), 'b'.repeat(5000)]), { contentType: 'text/plain' }))),
    );
  });
  afterAll(() => server.close());

  it('compresses complete and streamed answers of micro routes', async () => {
    const text = await request(`${server.url}/text`, { headers: { 'accept-encoding': 'br' } });
    expect(text.headers['content-encoding']).toBe('br');
    expect(decode('br', Buffer.from(await text.body.arrayBuffer()))).toBe(BIG_TEXT);
    const stream = await request(`${server.url}/stream`, { headers: { 'accept-encoding': 'gzip' } });
    expect(stream.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', Buffer.from(await stream.body.arrayBuffer()))).toBe(`${'a'.repeat(5000)}${'b'.repeat(5000)}`);
  });
});

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { declaredStreamSize } from '../src/response-stream';
import { FakeRouteTable } from './support/fake-route-table';
import { delay, get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

const CHUNK = 64 * 1024;
const CHUNKS = 80; // 5 MiB
const TOTAL = CHUNK * CHUNKS;

function binary(length: number | string): string[] {
  return ['content-type', 'application/octet-stream', 'content-length', String(length)];
}

/** The byte at `index` of the body a PatternSource produces. */
function patternByte(index: number): number {
  return (index * 7 + (index >> 16)) & 0xff;
}

function pattern(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = patternByte(i);
  return out;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Yields each buffer after a timer, so each one reaches uWS on its own. */
async function* later(buffers: Buffer[]): AsyncGenerator<Buffer> {
  for (const buffer of buffers) {
    await delay(20);
    yield buffer;
  }
}

/** A lazy source of `chunks` 64 KiB chunks that counts what it was asked for; may break or stall. */
class PatternSource extends Readable {
  produced = 0;
  constructor(
    private readonly chunks: number,
    private readonly then: 'end' | 'fail' | 'stall' = 'end',
  ) {
    super({ highWaterMark: CHUNK });
  }
  override _read(): void {
    if (this.produced === this.chunks) {
      if (this.then === 'end') this.push(null);
      else if (this.then === 'fail') this.destroy(new Error('source broke'));
      return; // 'stall': never ends
    }
    const start = this.produced * CHUNK;
    const chunk = Buffer.alloc(CHUNK);
    for (let i = 0; i < CHUNK; i++) chunk[i] = patternByte(start + i);
    this.produced++;
    this.push(chunk);
  }
}

describe('UwsAdapter: streams with a Content-Length', () => {
  let server: RunningAdapter;
  let source: Readable;

  beforeAll(async () => {
    const table = new FakeRouteTable()
      .add('GET', '/sized', (_req, ex) => ex.stream(200, binary(TOTAL), (source = new PatternSource(CHUNKS))))
      .add('GET', '/sized-later', (_req, ex) => {
        setTimeout(() => ex.stream(200, binary(TOTAL), (source = new PatternSource(CHUNKS))), 5);
      })
      .add('GET', '/short', (_req, ex) => ex.stream(200, binary(TOTAL), (source = new PatternSource(3))))
      .add('GET', '/short-stalled', (_req, ex) => ex.stream(200, binary(TOTAL), (source = new PatternSource(3, 'stall'))))
      .add('GET', '/empty-but-sized', (_req, ex) => ex.stream(200, binary(10), (source = Readable.from([]))))
      .add('GET', '/too-long', (_req, ex) => ex.stream(200, binary(10), (source = Readable.from(later([Buffer.from('0123456789'), Buffer.from('abc')])))))
      .add('GET', '/too-long-soon', (_req, ex) => ex.stream(200, binary(10), (source = Readable.from([Buffer.from('0123456789'), Buffer.from('abc')]))))
      .add('GET', '/too-long-at-once', (_req, ex) => ex.stream(200, binary(10), (source = Readable.from([Buffer.from('0123456789abc')]))))
      .add('GET', '/fails-later', (_req, ex) => ex.stream(200, binary(TOTAL), (source = new PatternSource(3, 'fail'))))
      .add('GET', '/zero', (_req, ex) => ex.stream(200, binary(0), (source = Readable.from([]))))
      .add('GET', '/text', (_req, ex) => ex.stream(200, ['content-type', 'text/plain; charset=utf-8', 'content-length', '8'], Readable.from(['é', 'tét', 'é'])))
      .add('GET', '/bad-length', (_req, ex) => ex.stream(200, binary('12abc'), Readable.from([Buffer.from('hello')])))
      .add('GET', '/no-content', (_req, ex) => ex.stream(204, binary(5), (source = Readable.from([Buffer.from('hello')]))))
      .add('GET', '/ok', (_req, ex) => ex.send(200, [], 'ok'));
    server = await startAdapter(table);
  });

  afterAll(() => server.adapter.close());

  it('reads only digits as a length', () => {
    expect(declaredStreamSize(['content-length', '5242880'])).toBe(5242880);
    expect(declaredStreamSize(['content-length', '0'])).toBe(0);
    for (const value of ['', ' 5', '5 ', '-1', '1e3', '0x10', '1.5', '12abc', '1234567890123456']) {
      expect(declaredStreamSize(['content-length', value])).toBe(-1);
    }
    expect(declaredStreamSize(['content-type', 'text/plain'])).toBe(-1);
  });

  it('sends 5 MiB with its Content-Length (no chunking) at the pace of a client that stops reading', async () => {
    const connection = await RawConnection.open(server.port);
    connection.socket.pause();
    connection.write(get('/sized'));
    await delay(300);
    const producedWhilePaused = (source as PatternSource).produced;
    await delay(300);
    // The source was paused (tryEnd refused bytes: they wait for onWritable), nothing more was read.
    expect((source as PatternSource).produced).toBe(producedWhilePaused);
    expect(producedWhilePaused).toBeLessThan(CHUNKS);
    expect(server.adapter.inFlightRequests).toBe(1);
    connection.socket.resume();
    const [response] = await connection.responses(1, 20_000);
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(TOTAL));
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(response.rawHeaderNames.filter((name) => name.toLowerCase() === 'content-length')).toHaveLength(1);
    expect(response.body.length).toBe(TOTAL);
    expect(sha256(response.body)).toBe(sha256(pattern(TOTAL)));
    await delay(20);
    expect(server.adapter.inFlightRequests).toBe(0);
    // The connection stays usable: nothing was left over after the declared length.
    connection.write(get('/ok'));
    const [next] = await connection.responses(1);
    expect(next.body.toString()).toBe('ok');
    connection.destroy();
  });

  it('sends a sized stream started after the request callback returned', async () => {
    const result = await rawExchange(server.port, get('/sized-later'), { responses: 1, waitMs: 20_000 });
    const [response] = parseResponses(result.data).responses;
    expect(response.headers['content-length']).toBe(String(TOTAL));
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(sha256(response.body)).toBe(sha256(pattern(TOTAL)));
  });

  it('closes the connection when the stream ends short of its length, instead of leaving the client waiting', async () => {
    const result = await rawExchange(server.port, get('/short'), { waitMs: 5000 });
    expect(result.closedByServer).toBe(true);
    expect(result.closedAfterMs).toBeLessThan(2000);
    const text = result.data.toString('latin1');
    expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true);
    expect(text).toContain(`Content-Length: ${TOTAL}`);
    expect(parseResponses(result.data).responses).toHaveLength(0); // never a complete answer
    expect(server.logger.errors.some((args) => String(args[1]).includes(`ended after ${3 * CHUNK} of the ${TOTAL} bytes`))).toBe(true);
    expect(server.adapter.inFlightRequests).toBe(0);
  });

  it('closes the connection when the stream fails after the head went out', async () => {
    const result = await rawExchange(server.port, get('/fails-later'), { waitMs: 5000 });
    expect(result.closedByServer).toBe(true);
    expect(result.data.toString('latin1').startsWith('HTTP/1.1 200 OK')).toBe(true);
    expect(parseResponses(result.data).responses).toHaveLength(0);
  });

  it('answers 500 (connection kept) when a sized stream ends before producing anything', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(get('/empty-but-sized'));
    const [failed] = await connection.responses(1);
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body.toString()).statusCode).toBe(500);
    connection.write(get('/ok'));
    const [next] = await connection.responses(1);
    expect(next.body.toString()).toBe('ok');
    connection.destroy();
  });

  it('closes the connection, with the body cut, when the stream produces more than its length', async () => {
    const result = await rawExchange(server.port, get('/too-long'), { waitMs: 3000 });
    expect(result.closedByServer).toBe(true);
    const text = result.data.toString('latin1');
    expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true);
    // The last declared byte waits for the source's end, so the client never sees a whole answer.
    expect(text.endsWith('\r\n\r\n012345678')).toBe(true);
    expect(parseResponses(result.data).responses).toHaveLength(0);
    expect(source.destroyed).toBe(true);
    expect(server.logger.errors.some((args) => String(args[1]).includes('more than the 10 bytes'))).toBe(true);
  });

  it('closes the connection without a whole answer when the extra bytes come at once', async () => {
    // Here the overflow is seen while uWS still holds the head in its cork buffer: the close drops it.
    const result = await rawExchange(server.port, get('/too-long-soon'), { waitMs: 3000 });
    expect(result.closedByServer).toBe(true);
    expect(parseResponses(result.data).responses).toHaveLength(0);
    expect(result.data.toString('latin1')).not.toContain('abc');
  });

  it('answers 500 when the first chunk is already longer than the length', async () => {
    const { data } = await rawExchange(server.port, get('/too-long-at-once'), { responses: 1, waitMs: 3000 });
    const [response] = parseResponses(data).responses;
    expect(response.status).toBe(500);
    expect(data.toString('latin1')).not.toContain('0123456789');
  });

  it('destroys the source when the client aborts mid-stream', async () => {
    const connection = await RawConnection.open(server.port);
    connection.socket.pause();
    connection.write(get('/sized'));
    await delay(200);
    expect(server.adapter.inFlightRequests).toBe(1);
    connection.destroy();
    await delay(100);
    expect(source.destroyed).toBe(true);
    expect((source as PatternSource).produced).toBeLessThan(CHUNKS);
    expect(server.adapter.inFlightRequests).toBe(0);
  });

  it('destroys a stalled source when the client aborts after the last chunk it produced', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(get('/short-stalled'));
    await delay(200);
    expect(server.adapter.inFlightRequests).toBe(1);
    expect(source.destroyed).toBe(false);
    connection.destroy();
    await delay(100);
    expect(source.destroyed).toBe(true);
    expect(server.adapter.inFlightRequests).toBe(0);
  });

  it('answers HEAD with the length and no body, releasing the source and keeping the connection', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write('HEAD /sized HTTP/1.1\r\nHost: test\r\n\r\n');
    const [head] = await connection.responses(1, 3000, 1);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(TOTAL));
    expect(head.headers['transfer-encoding']).toBeUndefined();
    expect(head.body.length).toBe(0);
    expect(source.destroyed).toBe(true);
    connection.write(get('/ok'));
    const [next] = await connection.responses(1);
    expect(next.body.toString()).toBe('ok'); // no stray body bytes came before it
    connection.destroy();
  });

  it('sends a streamed 204 without a body or a length', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(get('/no-content'));
    const [response] = await connection.responses(1);
    expect(response.status).toBe(204);
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(source.destroyed).toBe(true);
    connection.write(get('/ok'));
    const [next] = await connection.responses(1);
    expect(next.body.toString()).toBe('ok');
    connection.destroy();
  });

  it('sends a zero-length stream as Content-Length: 0', async () => {
    const { data } = await rawExchange(server.port, get('/zero'), { responses: 1 });
    const [response] = parseResponses(data).responses;
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('0');
    expect(response.headers['transfer-encoding']).toBeUndefined();
  });

  it('counts string chunks in bytes', async () => {
    const { data } = await rawExchange(server.port, get('/text'), { responses: 1 });
    const [response] = parseResponses(data).responses;
    expect(response.headers['content-length']).toBe('8');
    expect(response.body.toString()).toBe('étété');
  });

  it('streams chunked, without the header, when the Content-Length is not plain digits', async () => {
    const { data } = await rawExchange(server.port, get('/bad-length'), { responses: 1 });
    const [response] = parseResponses(data).responses;
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.body.toString()).toBe('hello');
  });
});

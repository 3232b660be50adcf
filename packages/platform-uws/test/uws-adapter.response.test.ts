import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { FakeRouteTable } from './support/fake-route-table';
import { delay, get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

const BINARY = ['content-type', 'application/octet-stream'];
const LARGE = randomBytes(8 * 1024 * 1024);
const STREAM_CHUNK = 64 * 1024;
const STREAM_CHUNKS = 400;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A lazy source that counts how many chunks it was asked for. */
class CountingSource extends Readable {
  produced = 0;
  constructor(
    private readonly total: number,
    private readonly failAfter = Infinity,
  ) {
    super({ highWaterMark: STREAM_CHUNK });
  }
  override _read(): void {
    if (this.produced === this.failAfter) {
      this.destroy(new Error('source broke'));
      return;
    }
    if (this.produced === this.total) {
      this.push(null);
      return;
    }
    this.push(Buffer.alloc(STREAM_CHUNK, this.produced % 251));
    this.produced++;
  }
}

describe('UwsAdapter: large and streamed responses', () => {
  let server: RunningAdapter;
  let source: CountingSource;

  beforeAll(async () => {
    const table = new FakeRouteTable()
      .add('GET', '/large', (_req, ex) => ex.send(200, BINARY, LARGE))
      .add('GET', '/large-later', (_req, ex) => {
        setTimeout(() => ex.send(200, BINARY, LARGE), 10);
      })
      .add('GET', '/large-string', (_req, ex) => ex.send(200, ['content-type', 'text/plain'], 'é'.repeat(100_000)))
      .add('GET', '/stream', (_req, ex) => ex.stream(200, BINARY, (source = new CountingSource(STREAM_CHUNKS))))
      .add('GET', '/stream-empty', (_req, ex) => ex.stream(200, BINARY, (source = new CountingSource(0))))
      .add('GET', '/stream-fails-first', (_req, ex) => ex.stream(200, BINARY, (source = new CountingSource(5, 0))))
      .add('GET', '/stream-fails-later', (_req, ex) => ex.stream(200, BINARY, (source = new CountingSource(5, 2))))
      .add('GET', '/stream-destroyed', (_req, ex) => {
        const destroyed = new CountingSource(5);
        destroyed.destroy();
        ex.stream(200, BINARY, destroyed);
      })
      .add('GET', '/ok', (_req, ex) => ex.send(200, [], 'ok'));
    server = await startAdapter(table);
  });

  afterAll(() => server.adapter.close());

  it('writes a large body at the pace of a slow reader, and completes it only once all was written', async () => {
    const connection = await RawConnection.open(server.port);
    connection.socket.pause();
    connection.write(get('/large'));
    await delay(300);
    // With one end() uWS would have taken all 8 MB into its buffer and finished at once.
    expect(server.adapter.inFlightRequests).toBe(1);
    connection.socket.resume();
    const [response] = await connection.responses(1, 10_000);
    expect(response.headers['content-length']).toBe(String(LARGE.length));
    expect(sha256(response.body)).toBe(sha256(LARGE));
    await delay(20);
    expect(server.adapter.inFlightRequests).toBe(0);
    connection.destroy();
  });

  it('writes a large body sent after the callback returned, and a large string', async () => {
    const later = await rawExchange(server.port, get('/large-later'), { responses: 1, waitMs: 10_000 });
    expect(sha256(parseResponses(later.data).responses[0].body)).toBe(sha256(LARGE));
    const text = await rawExchange(server.port, get('/large-string'), { responses: 1, waitMs: 10_000 });
    expect(parseResponses(text.data).responses[0].body.toString()).toBe('é'.repeat(100_000));
  });

  it('streams a Readable with chunked encoding, pausing it while the client does not read', async () => {
    const connection = await RawConnection.open(server.port);
    connection.socket.pause();
    connection.write(get('/stream'));
    await delay(300);
    const producedWhilePaused = source.produced;
    await delay(200);
    expect(source.produced).toBe(producedWhilePaused); // paused: nothing more was read
    expect(producedWhilePaused).toBeLessThan(STREAM_CHUNKS);
    connection.socket.resume();
    const [response] = await connection.responses(1, 20_000);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.body.length).toBe(STREAM_CHUNK * STREAM_CHUNKS);
    expect(response.body[STREAM_CHUNK * 300]).toBe(300 % 251);
    expect(connection.closed).toBe(false);
    connection.destroy();
  });

  it('destroys the source when the client aborts mid-stream', async () => {
    const connection = await RawConnection.open(server.port);
    connection.socket.pause();
    connection.write(get('/stream'));
    await delay(200);
    connection.destroy();
    await delay(100);
    expect(source.destroyed).toBe(true);
    expect(source.produced).toBeLessThan(STREAM_CHUNKS);
    expect(server.adapter.inFlightRequests).toBe(0);
  });

  it('answers an empty stream with an empty body', async () => {
    const { data } = await rawExchange(server.port, get('/stream-empty'), { responses: 1 });
    const [response] = parseResponses(data).responses;
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(0);
  });

  it('answers 500 for a source destroyed before it was handed over', async () => {
    const { data } = await rawExchange(server.port, get('/stream-destroyed'), { responses: 1 });
    expect(parseResponses(data).responses[0].status).toBe(500);
  });

  it('answers 500 when the source fails before sending anything, keeping the connection', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(get('/stream-fails-first'));
    const [failed] = await connection.responses(1);
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body.toString()).statusCode).toBe(500);
    connection.write(get('/ok'));
    const [next] = await connection.responses(1);
    expect(next.body.toString()).toBe('ok');
    expect(server.logger.errors.some(([message]) => String(message).includes('Streaming the response failed'))).toBe(true);
    connection.destroy();
  });

  it('closes the connection when the source fails after the head went out', async () => {
    const result = await rawExchange(server.port, get('/stream-fails-later'), { waitMs: 2000 });
    expect(result.closedByServer).toBe(true);
    const text = result.data.toString('latin1');
    expect(text.startsWith('HTTP/1.1 200 OK')).toBe(true);
    expect(text.endsWith('0\r\n\r\n')).toBe(false); // no terminating chunk: the client knows the body is cut
    expect(parseResponses(result.data).responses).toHaveLength(0);
  });

  it('answers HEAD on a streamed route with headers only, and releases the source', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write('HEAD /stream HTTP/1.1\r\nHost: test\r\n\r\n');
    const [head] = await connection.responses(1, 3000, 1);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/octet-stream');
    expect(source.destroyed).toBe(true);
    connection.write(get('/ok'));
    const [next] = await connection.responses(1);
    expect(next.body.toString()).toBe('ok');
    connection.destroy();
  });
});

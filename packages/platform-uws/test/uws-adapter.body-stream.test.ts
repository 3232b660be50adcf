import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { HttpException, PayloadTooLargeException, RequestAbortedError, errorJson, type HttpExchange } from '@armature/core';
import { FakeRouteTable } from './support/fake-route-table';
import { delay, get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

const LIMIT = 64 * 1024;
const LARGE_LIMIT = 32 * 1024 * 1024;
const JSON_HEADERS = ['content-type', 'application/json'];

interface Opened {
  stream: Readable;
  exchange: HttpExchange;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function post(path: string, headers: string[], body: string | Buffer = ''): Buffer {
  const head = `POST ${path} HTTP/1.1\r\nHost: test\r\n${headers.map((header) => `${header}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(body)]);
}

function chunk(data: string | Buffer): Buffer {
  const bytes = Buffer.from(data);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
}

/** Answers like the pipeline: the error's status (413 closes the connection), nothing once aborted. */
function answerError(exchange: HttpExchange, error: unknown): void {
  if (exchange.aborted) return;
  const status = error instanceof HttpException ? error.getStatus() : 500;
  exchange.send(status, JSON_HEADERS, errorJson(status, (error as Error).message), status === 413);
}

/** Reads the whole stream and answers with its length and sha256. */
function echoDigest({ stream, exchange }: Opened, failures: unknown[]): void {
  const chunks: Buffer[] = [];
  stream.on('data', (data: Buffer) => chunks.push(data));
  stream.on('end', () => {
    const body = Buffer.concat(chunks);
    exchange.send(200, JSON_HEADERS, JSON.stringify({ length: body.length, sha256: sha256(body) }));
  });
  stream.on('error', (error) => {
    failures.push(error);
    answerError(exchange, error);
  });
}

describe('UwsAdapter: bodyStream', () => {
  let server: RunningAdapter;
  const failures: unknown[] = [];
  const opened: Opened[] = [];

  /** A route opening the body stream synchronously, as the pipeline does, then handing it to `use`. */
  function streamRoute(limit: number, use: (opened: Opened) => void) {
    return (_request: unknown, exchange: HttpExchange): void => {
      const entry = { stream: exchange.bodyStream(limit), exchange };
      opened.push(entry);
      use(entry);
    };
  }

  beforeAll(async () => {
    const table = new FakeRouteTable()
      .add('POST', '/digest', streamRoute(LIMIT, (entry) => echoDigest(entry, failures)))
      .add('POST', '/digest-large', streamRoute(LARGE_LIMIT, (entry) => echoDigest(entry, failures)))
      // Reads only after a pause: the socket must be paused meanwhile, not the body buffered.
      .add('POST', '/read-late', streamRoute(LARGE_LIMIT, (entry) => void delay(300).then(() => echoDigest(entry, failures))))
      // Never reads: stands for a consumer that stopped (the client then leaves).
      .add('POST', '/never-read', streamRoute(LARGE_LIMIT, (entry) => entry.stream.on('error', (error) => failures.push(error))))
      // Gives up after the first chunk, as the upload parser does when a file is over its limit.
      .add('POST', '/give-up', streamRoute(LARGE_LIMIT, ({ stream, exchange }) => {
        stream.once('data', () => {
          stream.destroy();
          answerError(exchange, new PayloadTooLargeException('File too large'));
        });
      }))
      // Answers 400 (no close asked) after the first chunk, as for an unexpected upload field.
      .add('POST', '/answer-early', streamRoute(LARGE_LIMIT, ({ stream, exchange }) => {
        stream.once('data', () => exchange.send(400, JSON_HEADERS, errorJson(400, 'Unexpected field')));
      }))
      .add('POST', '/then-read-body', (_request, exchange) => {
        exchange.bodyStream(LIMIT).resume();
        exchange.readBody(LIMIT).then(
          () => exchange.send(200, [], 'read twice'),
          (error: Error) => exchange.send(500, [], error.message),
        );
      })
      // needs.body: the adapter's collect-ahead must not take onData away from the stream.
      .add('POST', '/digest-needs-body', streamRoute(LIMIT, (entry) => echoDigest(entry, failures)), { body: true })
      .add('GET', '/ok', (_request, exchange) => exchange.send(200, [], 'ok'));
    server = await startAdapter(table, { bodyLimit: 1024 });
  });

  afterAll(() => server.adapter.close());

  beforeEach(() => {
    failures.length = 0;
    opened.length = 0;
  });

  async function expectStillServing(): Promise<void> {
    const after = await rawExchange(server.port, get('/ok'), { responses: 1 });
    expect(parseResponses(after.data).responses[0].status).toBe(200);
  }

  it('streams a 6 MiB body intact', async () => {
    const payload = randomBytes(6 * 1024 * 1024);
    const { data } = await rawExchange(server.port, post('/digest-large', [`Content-Length: ${payload.length}`], payload), {
      responses: 1,
      waitMs: 10_000,
    });
    expect(JSON.parse(parseResponses(data).responses[0].body.toString())).toEqual({ length: payload.length, sha256: sha256(payload) });
  });

  it('streams a chunked body without its framing', async () => {
    const { data } = await rawExchange(
      server.port,
      [post('/digest', ['Transfer-Encoding: chunked']), chunk('abc'), chunk('defg'), '0\r\n\r\n'],
      { responses: 1 },
    );
    expect(JSON.parse(parseResponses(data).responses[0].body.toString())).toEqual({ length: 7, sha256: sha256(Buffer.from('abcdefg')) });
  });

  it('ends at once when there is no body', async () => {
    const { data } = await rawExchange(server.port, [post('/digest', ['Content-Length: 0']), post('/digest', [])], { responses: 2 });
    expect(parseResponses(data).responses.map((response) => JSON.parse(response.body.toString()).length)).toEqual([0, 0]);
  });

  it('pauses the socket while the consumer does not read, then delivers everything', async () => {
    const payload = randomBytes(16 * 1024 * 1024);
    const connection = await RawConnection.open(server.port);
    connection.write(post('/read-late', [`Content-Length: ${payload.length}`], payload));
    await delay(200);
    // Without the pause this would be most of the 16 MiB (loopback delivers it in milliseconds).
    expect(opened[0].stream.readableLength).toBeLessThan(1024 * 1024);
    const [response] = await connection.responses(1, 10_000);
    expect(JSON.parse(response.body.toString())).toEqual({ length: payload.length, sha256: sha256(payload) });
    connection.destroy();
  });

  it('errors with 413 at once when the declared length is over the limit, then keeps serving', async () => {
    const result = await rawExchange(server.port, post('/digest', ['Content-Length: 5000000']), { waitMs: 2000 });
    const [response] = parseResponses(result.data).responses;
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body.toString()).message).toBe(`Request body is larger than the limit of ${LIMIT} bytes`);
    expect(result.closedByServer).toBe(true);
    expect(failures[0]).toBeInstanceOf(PayloadTooLargeException);
    await expectStillServing();
  });

  it('errors with 413 as soon as the running total of a chunked body crosses the limit', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/digest', ['Transfer-Encoding: chunked']));
    connection.write(chunk('a'.repeat(LIMIT - 10)));
    await delay(50);
    expect(failures).toHaveLength(0);
    connection.write(chunk('b'.repeat(20)));
    const [response] = await connection.responses(1);
    expect(response.status).toBe(413);
    expect(await connection.waitForClose()).toBe(true);
    await expectStillServing();
  });

  it('answers a consumer that gave up mid-body while the client is still sending, and closes', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/give-up', ['Content-Length: 10000000'], 'x'.repeat(1000)));
    const [response] = await connection.responses(1);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body.toString()).message).toBe('File too large');
    expect(await connection.waitForClose()).toBe(true);
    await expectStillServing();
  });

  it('closes the connection after an answer given before the body was complete', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/answer-early', ['Transfer-Encoding: chunked']));
    connection.write(chunk('x'.repeat(1000)));
    const [response] = await connection.responses(1);
    expect(response.status).toBe(400);
    expect(await connection.waitForClose()).toBe(true);
    await expectStillServing();
  });

  it('keeps the connection once the whole body was read', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/digest', ['Content-Length: 3'], 'abc'));
    connection.write(post('/digest', ['Content-Length: 2'], 'de'));
    const responses = await connection.responses(2);
    expect(responses.map((response) => JSON.parse(response.body.toString()).length)).toEqual([3, 2]);
    expect(connection.closed).toBe(false);
    connection.destroy();
  });

  it('errors with RequestAbortedError when the client leaves mid-body', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/digest', ['Content-Length: 1000'], 'x'.repeat(100)));
    await delay(30);
    connection.destroy();
    await delay(50);
    expect(failures).toEqual([expect.any(RequestAbortedError)]);
    expect(opened[0].exchange.aborted).toBe(true);
    expect(server.adapter.inFlightRequests).toBe(0);
  });

  it('notices a client that left while its socket was paused, once the consumer read nothing for 10 s', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/never-read', ['Content-Length: 30000000'], randomBytes(4 * 1024 * 1024)));
    await delay(200);
    connection.destroy();
    const deadline = Date.now() + 13_000;
    while (failures.length === 0 && Date.now() < deadline) await delay(100);
    expect(failures).toEqual([expect.any(RequestAbortedError)]);
    expect(server.adapter.inFlightRequests).toBe(0);
  }, 20_000);

  it('refuses readBody once the body is a stream', async () => {
    const { data } = await rawExchange(server.port, post('/then-read-body', ['Content-Length: 3'], 'abc'), { responses: 1 });
    const [response] = parseResponses(data).responses;
    expect(response.status).toBe(500);
    expect(response.body.toString()).toBe('readBody() was called after bodyStream()');
  });

  it('keeps onData for the stream on a route that also asks for the body', async () => {
    const payload = randomBytes(40 * 1024);
    const { data } = await rawExchange(server.port, post('/digest-needs-body', [`Content-Length: ${payload.length}`], payload), {
      responses: 1,
    });
    expect(JSON.parse(parseResponses(data).responses[0].body.toString())).toEqual({ length: payload.length, sha256: sha256(payload) });
  });
});

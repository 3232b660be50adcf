import { createHash, randomBytes } from 'node:crypto';
import { HttpException, RequestAbortedError, errorJson, type HttpExchange } from '@armature/core';
import { FakeRouteTable } from './support/fake-route-table';
import { delay, get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

const SMALL_LIMIT = 1000;

/** What the pipeline does with a body: echo it, or answer the error with the connection closed. */
function echoBody(exchange: HttpExchange, body: Promise<Buffer>, failures: unknown[]): void {
  body.then(
    (bytes) => exchange.send(200, ['content-type', 'application/octet-stream'], bytes),
    (error: unknown) => {
      failures.push(error);
      if (error instanceof HttpException && !exchange.aborted) {
        exchange.send(error.getStatus(), ['content-type', 'application/json'], errorJson(error.getStatus(), error.message), true);
      }
    },
  );
}

function post(path: string, headers: string[], body: string | Buffer = ''): Buffer {
  const head = `POST ${path} HTTP/1.1\r\nHost: test\r\n${headers.map((header) => `${header}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.from(body)]);
}

function chunk(data: string | Buffer): Buffer {
  const bytes = Buffer.from(data);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
}

describe('UwsAdapter: request bodies', () => {
  let server: RunningAdapter;
  const failures: unknown[] = [];
  const exchanges: HttpExchange[] = [];

  beforeAll(async () => {
    const table = new FakeRouteTable()
      .add('POST', '/echo', (_req, ex) => (exchanges.push(ex), echoBody(ex, ex.readBody(SMALL_LIMIT), failures)), { body: true })
      .add('POST', '/echo-large', (_req, ex) => echoBody(ex, ex.readBody(8 * 1024 * 1024), failures), { body: true })
      .add('POST', '/read-later', (_req, ex) => {
        // Reads only after an await: the adapter must have collected the body meanwhile.
        void delay(30).then(() => echoBody(ex, ex.readBody(SMALL_LIMIT), failures));
      }, { body: true })
      .add('POST', '/tight-limit-later', (_req, ex) => {
        void delay(30).then(() => echoBody(ex, ex.readBody(10), failures));
      }, { body: true })
      .add('POST', '/ignore-body', (_req, ex) => ex.send(200, [], 'ignored'))
      .add('GET', '/ok', (_req, ex) => ex.send(200, [], 'ok'));
    server = await startAdapter(table, { bodyLimit: 64 * 1024 });
  });

  afterAll(() => server.adapter.close());

  beforeEach(() => {
    failures.length = 0;
    exchanges.length = 0;
  });

  it('collects a Content-Length body that arrives in several packets', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/echo', ['Content-Length: 11'], 'hello'));
    await delay(20);
    connection.write(' ');
    await delay(20);
    connection.write('world');
    const [response] = await connection.responses(1);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello world');
    connection.destroy();
  });

  it('collects a chunked body (uWS removes the chunk framing)', async () => {
    const { data } = await rawExchange(
      server.port,
      [post('/echo', ['Transfer-Encoding: chunked']), chunk('abc'), chunk('defg'), '0\r\n\r\n'],
      { responses: 1 },
    );
    const [response] = parseResponses(data).responses;
    expect(response.body.toString()).toBe('abcdefg');
  });

  it('resolves an empty body when there is none', async () => {
    const { data } = await rawExchange(server.port, [post('/echo', ['Content-Length: 0']), post('/echo', [])], { responses: 2 });
    const responses = parseResponses(data).responses;
    expect(responses.map((response) => [response.status, response.body.length])).toEqual([
      [200, 0],
      [200, 0],
    ]);
  });

  it('copies every chunk: a 4 MB upload arrives intact', async () => {
    const payload = randomBytes(4 * 1024 * 1024);
    const { data } = await rawExchange(server.port, post('/echo-large', [`Content-Length: ${payload.length}`], payload), {
      responses: 1,
      waitMs: 10_000,
    });
    const [response] = parseResponses(data).responses;
    expect(response.body.length).toBe(payload.length);
    expect(createHash('sha256').update(response.body).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
  });

  it('answers 413 at once when the declared Content-Length is over the limit, then keeps serving', async () => {
    const started = Date.now();
    const result = await rawExchange(server.port, post('/echo', ['Content-Length: 5000000']), { waitMs: 2000 });
    const [response] = parseResponses(result.data).responses;
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body.toString())).toEqual({
      message: 'Request body is larger than the limit of 1000 bytes',
      error: 'Payload Too Large',
      statusCode: 413,
    });
    expect(result.closedByServer).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(failures).toHaveLength(1);
    expect((failures[0] as HttpException).getStatus()).toBe(413);

    const after = await rawExchange(server.port, get('/ok'), { responses: 1 });
    expect(parseResponses(after.data).responses[0].status).toBe(200);
  });

  it('answers 413 as soon as the running total of a chunked body crosses the limit, then keeps serving', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/echo', ['Transfer-Encoding: chunked']));
    connection.write(chunk('a'.repeat(600)));
    await delay(30);
    expect(failures).toHaveLength(0);
    connection.write(chunk('b'.repeat(600)));
    const [response] = await connection.responses(1);
    expect(response.status).toBe(413);
    expect(await connection.waitForClose()).toBe(true);
    expect((failures[0] as HttpException).getStatus()).toBe(413);

    const after = await rawExchange(server.port, get('/ok'), { responses: 1 });
    expect(parseResponses(after.data).responses[0].status).toBe(200);
  });

  it('rejects readBody with RequestAbortedError when the client leaves mid-body', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/echo', ['Content-Length: 1000'], 'x'.repeat(100)));
    await delay(30);
    connection.destroy();
    await delay(50);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(RequestAbortedError);
    expect(exchanges[0].aborted).toBe(true);
    expect(server.adapter.inFlightRequests).toBe(0);
  });

  it('collects the body for a route that reads it only after an await', async () => {
    const { data } = await rawExchange(server.port, post('/read-later', ['Content-Length: 5'], 'early'), { responses: 1 });
    expect(parseResponses(data).responses[0].body.toString()).toBe('early');
  });

  it('applies a limit given after the body was collected ahead', async () => {
    const { data } = await rawExchange(server.port, post('/tight-limit-later', ['Content-Length: 20'], 'x'.repeat(20)), {
      waitMs: 1000,
    });
    expect(parseResponses(data).responses[0].status).toBe(413);
  });

  it('skips the body of a route that does not read it, and serves the next request on the connection', async () => {
    const connection = await RawConnection.open(server.port);
    connection.write(post('/ignore-body', ['Content-Length: 10'], '0123456789'));
    connection.write(get('/ok'));
    const responses = await connection.responses(2);
    expect(responses.map((response) => response.body.toString())).toEqual(['ignored', 'ok']);
    connection.destroy();
  });
});

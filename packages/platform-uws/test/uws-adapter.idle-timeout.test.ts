import { RequestAbortedError } from '@armature/core';
import { FakeRouteTable } from './support/fake-route-table';
import { get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

// uWS 20.30 never answers these: its parser waits for more bytes, and its idle timeout (10 s,
// compiled in, checked every 4 s) closes the connection. Nothing may hang longer, nothing may crash.
const IDLE_CLOSE_WITHIN_MS = 16_000;

jest.setTimeout(30_000);

describe('UwsAdapter: requests uWS leaves to its idle timeout', () => {
  let server: RunningAdapter;
  const bodyFailures: unknown[] = [];

  beforeAll(async () => {
    const table = new FakeRouteTable()
      .add('POST', '/upload', (_req, ex) => {
        ex.readBody(1024 * 1024).then(
          () => ex.send(200, [], 'complete'),
          (error: unknown) => bodyFailures.push(error),
        );
      }, { body: true })
      .add('GET', '/ok', (_req, ex) => ex.send(200, [], 'ok'));
    server = await startAdapter(table);
  });

  afterAll(() => server.adapter.close());

  it('closes garbage, incomplete, over-long and stalled requests by the idle timeout, serving others meanwhile', async () => {
    const manyHeaders = Array.from({ length: 60 }, (_, i) => `X-H${i}: v`);
    const cases: Record<string, string> = {
      'garbage request line': 'HELLO THERE\r\n\r\n',
      'absolute-form target': 'GET http://test/ok HTTP/1.1\r\nHost: test\r\n\r\n',
      'HTTP/1.0 request (this uWS build speaks only 1.1)': 'GET /ok HTTP/1.0\r\nHost: test\r\n\r\n',
      'HTTP/1.1 request without Host': 'GET /ok HTTP/1.1\r\n\r\n',
      'header block never finished': 'GET /ok HTTP/1.1\r\nHost: test\r\nX-Slow: ',
      'more than 48 headers': get('/ok', manyHeaders),
      'body stalled after 10 of 1000 bytes': 'POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n\r\n0123456789',
    };
    const started = Date.now();
    const connections = await Promise.all(
      Object.entries(cases).map(async ([name, payload]) => {
        const connection = await RawConnection.open(server.port);
        connection.write(payload);
        return [name, connection] as const;
      }),
    );
    const dripping = await RawConnection.open(server.port);
    dripping.write('POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n\r\n');
    const drip = setInterval(() => dripping.write('x'), 1000);

    // Meanwhile the server answers everyone else at once.
    const { data } = await rawExchange(server.port, get('/ok'), { responses: 1 });
    expect(parseResponses(data).responses[0].body.toString()).toBe('ok');

    const outcomes = await Promise.all(
      connections.map(async ([name, connection]) => [name, await connection.waitForClose(IDLE_CLOSE_WITHIN_MS)] as const),
    );
    const drippingClosed = await dripping.waitForClose(IDLE_CLOSE_WITHIN_MS - (Date.now() - started));
    clearInterval(drip);

    expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, true])));
    // A sender too slow to matter (1 byte per second) is cut off as well.
    expect(drippingClosed).toBe(true);
    expect(Date.now() - started).toBeLessThan(IDLE_CLOSE_WITHIN_MS);
    expect(bodyFailures).toHaveLength(2);
    expect(bodyFailures.every((error) => error instanceof RequestAbortedError)).toBe(true);
    expect(server.adapter.inFlightRequests).toBe(0);
  });
});

import type { HttpExchange } from '@armature/core';
import { FakeRouteTable } from './support/fake-route-table';
import { delay, get, parseResponses, RawConnection, rawExchange } from './support/raw-http';
import { startAdapter, type RunningAdapter } from './support/start-adapter';

const MAX_HEADER_SIZE = 8 * 1024;

function post(path: string, headers: string[], body = ''): string {
  return `POST ${path} HTTP/1.1\r\nHost: test\r\n${headers.map((header) => `${header}\r\n`).join('')}\r\n${body}`;
}

describe('UwsAdapter: closing uWS parser gaps', () => {
  let server: RunningAdapter;
  const ran: string[] = [];
  const exchanges: HttpExchange[] = [];

  beforeAll(async () => {
    const record = (name: string) => (_req: unknown, ex: HttpExchange) => {
      ran.push(name);
      ex.send(200, [], name);
    };
    const table = new FakeRouteTable()
      .add('POST', '/echo', (_req, ex) => {
        ran.push('echo');
        ex.readBody(1000).then((body) => ex.send(200, [], body), () => undefined);
      }, { body: true })
      .add('GET', '/admin', record('admin'))
      .add('GET', '/all-headers', record('all-headers'), { allHeaders: true })
      .add('GET', '/no-headers', record('no-headers'))
      .add('GET', '/sync', record('sync'))
      .add('GET', '/sixty-kib', (_req, ex) => ex.send(200, [], 'x'.repeat(60 * 1024)))
      .add('GET', '/microtask', (_req, ex) => {
        ran.push('microtask');
        void Promise.resolve().then(() => ex.send(200, [], 'microtask'));
      })
      .add('GET', '/timer', (_req, ex) => {
        ran.push('timer');
        exchanges.push(ex);
        setTimeout(() => ex.send(200, [], 'timer'), 50);
      });
    server = await startAdapter(table, { maxHeaderSize: MAX_HEADER_SIZE });
  });

  afterAll(() => server.adapter.close());

  beforeEach(() => {
    ran.length = 0;
    exchanges.length = 0;
  });

  async function expectStillServing(): Promise<void> {
    const { data } = await rawExchange(server.port, get('/sync'), { responses: 1 });
    expect(parseResponses(data).responses[0].body.toString()).toBe('sync');
  }

  describe('Content-Length and Transfer-Encoding (request smuggling shapes)', () => {
    it('answers two different Content-Length values with 400 and closes, without running the route', async () => {
      const result = await rawExchange(server.port, post('/echo', ['Content-Length: 3', 'Content-Length: 5'], 'abcde'), {
        waitMs: 2000,
      });
      const [response] = parseResponses(result.data).responses;
      expect(response.status).toBe(400);
      expect(response.headers.connection).toBe('close');
      expect(JSON.parse(response.body.toString())).toEqual({
        message: 'Conflicting Content-Length headers',
        error: 'Bad Request',
        statusCode: 400,
      });
      expect(result.closedByServer).toBe(true);
      expect(ran).toEqual([]);
      await expectStillServing();
    });

    it('answers 400 and never runs a request smuggled behind conflicting lengths, in the same packet or a later one', async () => {
      const smuggled = get('/admin');
      const samePacket = await rawExchange(
        server.port,
        post('/echo', ['Content-Length: 0', `Content-Length: ${smuggled.length}`], smuggled),
        { waitMs: 1000 },
      );
      expect(parseResponses(samePacket.data).responses.map((response) => response.status)).toEqual([400]);
      expect(samePacket.closedByServer).toBe(true);

      const connection = await RawConnection.open(server.port);
      connection.write(post('/echo', ['Content-Length: 0', `Content-Length: ${smuggled.length}`]));
      await delay(5);
      connection.write(smuggled);
      expect(await connection.waitForClose()).toBe(true);
      expect((await connection.responses(2)).map((response) => response.status)).toEqual([400]);
      expect(ran).toEqual([]);
    });

    it('stops at the rejected request even after answers already corked in the same packet', async () => {
      const smuggled = get('/admin');
      const result = await rawExchange(
        server.port,
        get('/sync') + post('/echo', ['Content-Length: 0', `Content-Length: ${smuggled.length}`], smuggled),
        { waitMs: 1000 },
      );
      const responses = parseResponses(result.data).responses;
      expect(responses.map((response) => response.status)).toEqual([200, 400]);
      expect(responses[0].body.toString()).toBe('sync');
      expect(result.closedByServer).toBe(true);
      expect(ran).toEqual(['sync']);
    });

    it('never runs the smuggled request even when the client does not read (uWS cannot write the 400 out)', async () => {
      const connection = await RawConnection.open(server.port);
      connection.socket.pause();
      // ~18 MB of answers the client leaves unread: the kernel buffers fill, uWS buffers the rest.
      const backlog = Array.from({ length: 300 }, () => get('/sixty-kib')).join('');
      const smuggled = get('/admin');
      connection.write(backlog + post('/echo', ['Content-Length: 0', `Content-Length: ${smuggled.length}`], smuggled));
      await delay(300);
      expect(ran).not.toContain('admin');
      connection.destroy();
    });

    it('accepts a repeated Content-Length with the same value', async () => {
      const { data } = await rawExchange(server.port, post('/echo', ['Content-Length: 3', 'Content-Length: 3'], 'abc'), {
        responses: 1,
      });
      expect(parseResponses(data).responses[0].body.toString()).toBe('abc');
    });

    it('lets uWS close Content-Length + Transfer-Encoding without running the route (it never reaches JavaScript)', async () => {
      for (const headers of [
        ['Content-Length: 3', 'Transfer-Encoding: chunked'],
        ['Transfer-Encoding: chunked', 'Content-Length: 3'],
      ]) {
        const result = await rawExchange(server.port, post('/echo', headers, '3\r\nabc\r\n0\r\n\r\n'), { waitMs: 1000 });
        expect(result.closedByServer).toBe(true);
        expect(parseResponses(result.data).responses.filter((response) => response.status < 400)).toEqual([]);
      }
      expect(ran).toEqual([]);
      await expectStillServing();
    });

    it('answers a Transfer-Encoding that does not end with chunked with 400, and gzip-then-chunked with 501', async () => {
      const notChunked = await rawExchange(server.port, post('/echo', ['Transfer-Encoding: gzip'], 'abc'), { waitMs: 1000 });
      expect(parseResponses(notChunked.data).responses[0].status).toBe(400);
      expect(notChunked.closedByServer).toBe(true);

      const gzipChunked = await rawExchange(server.port, post('/echo', ['Transfer-Encoding: gzip, chunked'], '0\r\n\r\n'), {
        waitMs: 1000,
      });
      expect(parseResponses(gzipChunked.data).responses[0].status).toBe(501);
      expect(ran).toEqual([]);
    });

    it('answers a malformed Content-Length with 400 and closes, without running the route', async () => {
      for (const value of ['+3', '3,3', 'abc']) {
        const result = await rawExchange(server.port, post('/echo', [`Content-Length: ${value}`], 'abc'), { waitMs: 1000 });
        expect(parseResponses(result.data).responses.map((response) => response.status)).toEqual([400]);
        expect(result.closedByServer).toBe(true);
      }
      expect(ran).toEqual([]);
    });
  });

  describe('header block size', () => {
    const padding = (bytes: number): string => `X-Padding: ${'p'.repeat(bytes)}`;

    it('answers 431 and closes when the header block is over maxHeaderSize, for any route', async () => {
      for (const path of ['/all-headers', '/no-headers']) {
        const result = await rawExchange(server.port, get(path, [padding(MAX_HEADER_SIZE)]), { waitMs: 1000 });
        const [response] = parseResponses(result.data).responses;
        expect(response.status).toBe(431);
        expect(JSON.parse(response.body.toString()).statusCode).toBe(431);
        expect(result.closedByServer).toBe(true);
      }
      expect(ran).toEqual([]);
      await expectStillServing();
    });

    it('counts many small headers too, and accepts a block just under the limit', async () => {
      const many = Array.from({ length: 40 }, (_, i) => `X-Header-${i}: ${'v'.repeat(200)}`);
      const tooMany = await rawExchange(server.port, get('/no-headers', many), { waitMs: 1000 });
      expect(parseResponses(tooMany.data).responses[0].status).toBe(431);

      const fits = await rawExchange(server.port, get('/no-headers', [padding(MAX_HEADER_SIZE - 200)]), { responses: 1 });
      expect(parseResponses(fits.data).responses[0].status).toBe(200);
    });
  });

  describe('pipelining', () => {
    it('answers pipelined requests in order, including ones answered after a microtask or a timer (last)', async () => {
      const { data } = await rawExchange(
        server.port,
        get('/sync') + get('/microtask') + get('/sync') + get('/microtask') + get('/timer'),
        { responses: 5, waitMs: 2000 },
      );
      expect(parseResponses(data).responses.map((response) => response.body.toString())).toEqual([
        'sync',
        'microtask',
        'sync',
        'microtask',
        'timer',
      ]);
    });

    it('never reorders: uWS closes the connection when a request arrives while a timer-delayed answer is pending', async () => {
      const result = await rawExchange(server.port, get('/timer') + get('/sync'), { waitMs: 1000 });
      expect(result.closedByServer).toBe(true);
      expect(parseResponses(result.data).responses).toEqual([]);
      expect(ran).toEqual(['timer']); // the second request never reached a route
      await delay(80);
      expect(exchanges[0].aborted).toBe(true);
      expect(server.adapter.inFlightRequests).toBe(0);
    });

    it('serves requests sent one after the other on a keep-alive connection with async answers', async () => {
      const connection = await RawConnection.open(server.port);
      for (let i = 0; i < 3; i++) {
        connection.write(get('/timer'));
        const [response] = await connection.responses(1);
        expect(response.body.toString()).toBe('timer');
      }
      connection.destroy();
    });
  });

  describe('malformed request lines', () => {
    it('does not crash on garbage or a lower-case method, and keeps serving other connections', async () => {
      const garbage = RawConnection.open(server.port).then((connection) => {
        connection.write('HELLO THERE\r\n\r\n');
        return connection;
      });
      const lowerCase = await rawExchange(server.port, 'get /sync HTTP/1.1\r\nHost: test\r\n\r\n', { waitMs: 500 });
      expect(lowerCase.closedByServer).toBe(true);
      await expectStillServing();
      const connection = await garbage;
      expect(ran).toEqual(['sync']);
      connection.destroy();
    });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Readable } from 'node:stream';
import { request } from 'undici';
import { HttpException, PayloadTooLargeException, RequestAbortedError, errorJson, type HttpExchange } from '@armature/core';
import type { NodeExchange } from '../src/node-exchange';
import { JSON_HEADERS, type FakeRoute } from './support/fake-table';
import { closeAll, delay, startAdapter } from './support/start-adapter';
import { hasResponses, keepSending, parseResponses, rawConversation, rawRequest } from './support/raw-client';

afterEach(closeAll);

const MB = 1024 * 1024;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Opened {
  stream: Readable;
  exchange: HttpExchange;
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

/** A route that opens the body stream synchronously, as the pipeline does, and hands it to `use`. */
function streamRoute(limit: number, use: (opened: Opened) => void, opened: Opened[] = []): FakeRoute {
  return {
    run: (_request, exchange) => {
      const entry = { stream: exchange.bodyStream(limit), exchange };
      opened.push(entry);
      use(entry);
    },
  };
}

describe('NodeAdapter bodyStream', () => {
  const failures: unknown[] = [];
  beforeEach(() => (failures.length = 0));

  it('streams a body of several megabytes intact', async () => {
    const { origin } = await startAdapter({ 'POST /upload': streamRoute(16 * MB, (entry) => echoDigest(entry, failures)) });
    const payload = randomBytes(6 * MB);
    const response = await request(`${origin}/upload`, { method: 'POST', body: payload });
    expect(await response.body.json()).toEqual({ length: payload.length, sha256: sha256(payload) });
  });

  it('streams chunked bodies and keeps the connection for the next request', async () => {
    const { port } = await startAdapter({ 'POST /upload': streamRoute(1024, (entry) => echoDigest(entry, failures)) });
    const chunked = 'POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n';
    const raw = await rawRequest(port, chunked + chunked, { until: hasResponses(2) });
    const responses = parseResponses(raw.text);
    expect(responses.map((response) => JSON.parse(response.body).length)).toEqual([5, 5]);
    expect(responses[0].headers.connection).toBe('keep-alive');
  });

  it('ends at once when there is no body', async () => {
    const { origin } = await startAdapter({ 'POST /upload': streamRoute(1024, (entry) => echoDigest(entry, failures)) });
    const response = await request(`${origin}/upload`, { method: 'POST' });
    expect(await response.body.json()).toEqual({ length: 0, sha256: sha256(Buffer.alloc(0)) });
  });

  it('stops reading the socket while the consumer does not read, then delivers everything', async () => {
    const opened: Opened[] = [];
    const route = streamRoute(64 * MB, (entry) => void delay(300).then(() => echoDigest(entry, failures)), opened);
    const { origin } = await startAdapter({ 'POST /upload': route });
    const payload = randomBytes(32 * MB);
    const answer = request(`${origin}/upload`, { method: 'POST', body: payload });
    await delay(200);
    // Without backpressure this would be most of the 32 MiB (loopback delivers it in milliseconds).
    const bytesRead = (opened[0].exchange as NodeExchange).req.socket.bytesRead;
    expect(bytesRead).toBeLessThan(8 * MB);
    const response = await answer;
    expect(await response.body.json()).toEqual({ length: payload.length, sha256: sha256(payload) });
  });

  it('errors with 413 at once for a declared Content-Length over the limit, and the server keeps serving', async () => {
    const { port, origin } = await startAdapter({ 'POST /upload': streamRoute(1024, (entry) => echoDigest(entry, failures)) });
    const raw = await rawRequest(port, `POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: ${10 * MB}\r\n\r\nabc`);
    const [response] = parseResponses(raw.text);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body).message).toBe('Request body is larger than the limit of 1024 bytes');
    expect(raw.error).toBeUndefined();
    expect(failures[0]).toBeInstanceOf(PayloadTooLargeException);
    const next = await request(`${origin}/upload`, { method: 'POST', body: 'small' });
    expect(((await next.body.json()) as { length: number }).length).toBe(5);
  });

  it('errors with 413 as soon as the running total crosses the limit, while the client is still sending', async () => {
    const { port } = await startAdapter({ 'POST /upload': streamRoute(64 * 1024, (entry) => echoDigest(entry, failures)) });
    const chunk = `${(16 * 1024).toString(16)}\r\n${'x'.repeat(16 * 1024)}\r\n`;
    const upload = await keepSending(port, 'POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n', chunk);
    const [response] = parseResponses(upload.text);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    // 64 KiB is crossed with the 5th chunk (one every 5 ms): the answer came long before the client stopped.
    expect(upload.chunksBeforeAnswer).toBeLessThan(20);
    expect(upload.error).toBeUndefined();
  });

  it('answers a consumer that gave up mid-body, drops the rest and closes cleanly', async () => {
    const giveUp = streamRoute(64 * MB, ({ stream, exchange }) => {
      stream.once('data', () => {
        stream.destroy();
        answerError(exchange, new PayloadTooLargeException('File too large'));
      });
    });
    const { port, origin } = await startAdapter({ 'POST /upload': giveUp, 'POST /digest': streamRoute(MB, (entry) => echoDigest(entry, failures)) });
    const upload = await keepSending(port, `POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: ${60 * MB}\r\n\r\n`, 'y'.repeat(16 * 1024));
    const [response] = parseResponses(upload.text);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).message).toBe('File too large');
    expect(response.headers.connection).toBe('close');
    expect(upload.error).toBeUndefined();
    const next = await request(`${origin}/digest`, { method: 'POST', body: 'small' });
    expect(((await next.body.json()) as { length: number }).length).toBe(5);
  });

  it('errors with RequestAbortedError when the client leaves mid-body', async () => {
    const { port } = await startAdapter({ 'POST /upload': streamRoute(MB, (entry) => echoDigest(entry, failures)) });
    const socket = connect(port, '127.0.0.1');
    socket.write('POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n' + 'x'.repeat(100));
    await delay(50);
    socket.destroy();
    await delay(50);
    expect(failures).toEqual([expect.any(RequestAbortedError)]);
  });

  it('sends 100 Continue when the client expects it, then streams the body', async () => {
    const { port } = await startAdapter({ 'POST /upload': streamRoute(1024, (entry) => echoDigest(entry, failures)) });
    const raw = await rawConversation(
      port,
      (socket) => {
        socket.write('POST /upload HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n');
        socket.once('data', () => socket.write('hello'));
      },
      { until: (text) => text.includes('"length":5') },
    );
    expect(raw.text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')).toBe(true);
  });

  it('refuses readBody once the body is a stream', async () => {
    const route: FakeRoute = {
      run: (_request, exchange) => {
        exchange.bodyStream(1024).resume();
        exchange.readBody(1024).then(
          () => exchange.send(200, [], 'read twice'),
          (error: Error) => exchange.send(500, [], error.message),
        );
      },
    };
    const { origin } = await startAdapter({ 'POST /upload': route });
    const response = await request(`${origin}/upload`, { method: 'POST', body: 'abc' });
    expect(response.statusCode).toBe(500);
    expect(await response.body.text()).toBe('readBody() was called after bodyStream()');
  });
});

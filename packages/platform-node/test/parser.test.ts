import { request } from 'undici';
import { RequestAbortedError } from '@armature/core';
import type { RouteRun } from './support/fake-table';
import { closeAll, delay, startAdapter } from './support/start-adapter';
import { bodyRoute } from './support/body-route';
import { hasResponses, keepSending, parseResponses, rawConversation, rawRequest, type RawResult } from './support/raw-client';

afterEach(closeAll);

const ok: Record<string, RouteRun> = { 'GET /ok': (_req, ex) => ex.send(200, [], 'ok') };

function onlyResponse(raw: RawResult) {
  const responses = parseResponses(raw.text);
  expect(responses).toHaveLength(1);
  return { ...responses[0], json: JSON.parse(responses[0].body) as Record<string, unknown> };
}

async function expectStillServing(origin: string): Promise<void> {
  const response = await request(`${origin}/ok`);
  expect(await response.body.text()).toBe('ok');
}

describe("node's parser behind the adapter", () => {
  it('answers two different Content-Length headers with a JSON 400 and keeps serving', async () => {
    const { port, origin } = await startAdapter({ ...ok, 'POST /upload': bodyRoute(1024) });
    const raw = await rawRequest(port, 'POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd');
    const response = onlyResponse(raw);
    expect(response.status).toBe(400);
    expect(response.headers.connection).toBe('close');
    expect(response.json).toEqual({ message: 'Malformed HTTP request: Duplicate Content-Length', error: 'Bad Request', statusCode: 400 });
    expect(raw.ended).toBe(true);
    await expectStillServing(origin);
  });

  it('rejects even two identical Content-Length headers with 400', async () => {
    const { port } = await startAdapter(ok);
    const raw = await rawRequest(port, 'POST /ok HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc');
    expect(onlyResponse(raw).status).toBe(400);
  });

  it('answers Content-Length together with Transfer-Encoding (request smuggling) with 400 and keeps serving', async () => {
    const { port, origin } = await startAdapter({ ...ok, 'POST /upload': bodyRoute(1024) });
    const raw = await rawRequest(
      port,
      'POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    );
    const response = onlyResponse(raw);
    expect(response.status).toBe(400);
    expect(response.json.message).toBe("Malformed HTTP request: Transfer-Encoding can't be present with Content-Length");
    await expectStillServing(origin);
  });

  it("answers headers over init's maxHeaderSize with 431 and closes with a FIN, not a reset", async () => {
    // 1 KiB is far under node's 16 KiB default: a 431 here proves the adapter's limit is applied.
    const { port, origin } = await startAdapter(ok, { maxHeaderSize: 1024 });
    const fits = await rawRequest(port, `GET /ok HTTP/1.1\r\nHost: a\r\nX-Pad: ${'p'.repeat(600)}\r\n\r\n`, { until: hasResponses(1) });
    expect(parseResponses(fits.text)[0].status).toBe(200);
    const raw = await rawRequest(port, `GET /ok HTTP/1.1\r\nHost: a\r\nX-Big: ${'b'.repeat(4096)}\r\n\r\n`);
    const response = onlyResponse(raw);
    expect(response.status).toBe(431);
    expect(response.json).toEqual({ message: 'Request header fields too large', error: 'Request Header Fields Too Large', statusCode: 431 });
    expect(raw.ended).toBe(true);
    await expectStillServing(origin);
  });

  it('keeps draining an endless header block after the 431, so the client reads it and sees a FIN, not a reset', async () => {
    const { port } = await startAdapter(ok, { maxHeaderSize: 1024 });
    const sending = await keepSending(port, 'GET /ok HTTP/1.1\r\nHost: a\r\nX-Big: ', 'b'.repeat(4096));
    expect(sending.text.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect(sending.serverEnded).toBe(true);
    expect(sending.error).toBeUndefined();
  });

  it('answers a garbage request line with 400 and keeps serving', async () => {
    const { port, origin } = await startAdapter(ok);
    const raw = await rawRequest(port, 'HELLO THERE\r\n\r\n');
    const response = onlyResponse(raw);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ message: 'Malformed HTTP request: Invalid method encountered', error: 'Bad Request', statusCode: 400 });
    expect(raw.ended).toBe(true);
    await expectStillServing(origin);
  });

  it('answers a pipelined garbage request only after the slow valid request before it', async () => {
    const { port } = await startAdapter({
      'GET /slow': (_req, ex) => void delay(150).then(() => ex.send(200, [], 'slow done')),
    });
    const raw = await rawRequest(port, 'GET /slow HTTP/1.1\r\nHost: a\r\n\r\nNOT HTTP AT ALL\r\n\r\n');
    const [first, second] = parseResponses(raw.text);
    expect(first.status).toBe(200);
    expect(first.body).toBe('slow done');
    expect(second.status).toBe(400);
    expect(raw.ended).toBe(true);
  });

  it('answers a malformed chunk inside a body being read with 400; readBody rejects as aborted', async () => {
    const route = bodyRoute(1024);
    const { port, origin } = await startAdapter({ ...ok, 'POST /upload': route });
    const raw = await rawRequest(port, 'POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\n');
    const response = onlyResponse(raw);
    expect(response.status).toBe(400);
    expect(response.json.message).toBe('Malformed HTTP request: Invalid character in chunk size');
    expect(await route.settled).toBeInstanceOf(RequestAbortedError);
    await expectStillServing(origin);
  });

  it('ends the connection without raw bytes when the broken request is one whose answer already started', async () => {
    const { Readable } = await import('node:stream');
    const source = new Readable({ read() {} });
    source.push('begun ');
    const { port, origin } = await startAdapter({ ...ok, 'POST /stream': (_req, ex) => ex.stream(200, [], source) });
    const raw = await rawConversation(port, (socket) => {
      socket.write('POST /stream HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n');
      socket.once('data', () => socket.write('zz\r\n'));
    });
    expect(raw.text).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(raw.text).toContain('begun ');
    // No "HTTP/1.1 400" spliced into the chunked body: the connection just ended.
    expect(raw.text).not.toContain('HTTP/1.1 400');
    expect(raw.ended || raw.error !== undefined).toBe(true);
    await expectStillServing(origin);
  });
});

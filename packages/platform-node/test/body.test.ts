import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { request } from 'undici';
import { HttpException, RequestAbortedError } from '@armature/core';
import { closeAll, delay, startAdapter } from './support/start-adapter';
import { bodyRoute } from './support/body-route';
import { hasResponses, keepSending, parseResponses, rawConversation, rawRequest } from './support/raw-client';

afterEach(closeAll);

const MB = 1024 * 1024;

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('NodeAdapter readBody', () => {
  it('reads a body of several megabytes completely', async () => {
    const route = bodyRoute(16 * MB);
    const { origin } = await startAdapter({ 'POST /upload': route });
    const payload = randomBytes(6 * MB);
    const response = await request(`${origin}/upload`, { method: 'POST', body: payload });
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ length: payload.length, sha256: sha256(payload) });
  });

  it('reads a chunked body and keeps the connection for the next request', async () => {
    const { port } = await startAdapter({ 'POST /upload': bodyRoute(1024) });
    const chunked = 'POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n';
    const raw = await rawRequest(port, chunked + chunked, { until: hasResponses(2) });
    const responses = parseResponses(raw.text);
    expect(responses.map((r) => JSON.parse(r.body).length)).toEqual([5, 5]);
    expect(responses[0].headers.connection).toBe('keep-alive');
  });

  it('resolves an empty buffer for a request without a body', async () => {
    const route = bodyRoute(1024);
    const { origin } = await startAdapter({ 'POST /upload': route });
    const response = await request(`${origin}/upload`, { method: 'POST' });
    expect(await response.body.json()).toEqual({ length: 0, sha256: sha256(Buffer.alloc(0)) });
  });

  it('rejects a declared Content-Length over the limit at once, answers 413 and closes cleanly', async () => {
    const route = bodyRoute(1024, false);
    const { port, origin } = await startAdapter({ 'POST /upload': route });
    // Only the head and a few bytes are sent: the 413 must not wait for the declared 10 MB.
    const raw = await rawRequest(port, `POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: ${10 * MB}\r\n\r\nabc`);
    const [response] = parseResponses(raw.text);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body)).toEqual({
      message: 'Request body is larger than the limit of 1024 bytes',
      error: 'Payload Too Large',
      statusCode: 413,
    });
    expect(raw.error).toBeUndefined();
    expect(raw.ended).toBe(true);
    expect(await route.settled).toBeInstanceOf(HttpException);
    // The server keeps serving.
    const next = await request(`${origin}/upload`, { method: 'POST', body: 'small' });
    expect(((await next.body.json()) as { length: number }).length).toBe(5);
  });

  it('gives an HTTP client uploading a too-large body the 413 rather than a connection reset', async () => {
    const { origin } = await startAdapter({ 'POST /upload': bodyRoute(MB) });
    const response = await request(`${origin}/upload`, { method: 'POST', body: randomBytes(8 * MB) });
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(((await response.body.json()) as { statusCode: number }).statusCode).toBe(413);
  });

  it('stops at the running total of a chunked body and answers 413 while the client is still sending', async () => {
    const limit = 64 * 1024;
    const route = bodyRoute(limit);
    const { port, origin } = await startAdapter({ 'POST /upload': route });
    const chunk = `${(16 * 1024).toString(16)}\r\n${'x'.repeat(16 * 1024)}\r\n`;
    const upload = await keepSending(port, 'POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n', chunk);
    const [response] = parseResponses(upload.text);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    // Rejected as soon as the total crossed 64 KiB (4 chunks), not when the (endless) body ended.
    expect(upload.chunksBeforeAnswer).toBeLessThan(12);
    expect(await route.settled).toBeInstanceOf(HttpException);
    const next = await request(`${origin}/upload`, { method: 'POST', body: 'ok' });
    expect(next.statusCode).toBe(200);
    await next.body.dump();
  });

  it('drains what a client still sends after a 413, so closing ends with a FIN rather than a reset', async () => {
    const { port } = await startAdapter({ 'POST /upload': bodyRoute(1024) });
    const chunk = 'z'.repeat(16 * 1024);
    const upload = await keepSending(port, `POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: ${100 * MB}\r\n\r\n`, chunk);
    expect(upload.text.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(upload.serverEnded).toBe(true);
    // A server that destroyed its socket with our bytes unread would have reset the connection.
    expect(upload.error).toBeUndefined();
  });

  it('rejects with RequestAbortedError when the client disconnects mid-body', async () => {
    const route = bodyRoute(MB);
    const { port, origin } = await startAdapter({ 'POST /upload': route });
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write('POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n' + 'y'.repeat(100));
    await delay(50);
    socket.destroy();
    expect(await route.settled).toBeInstanceOf(RequestAbortedError);
    const next = await request(`${origin}/upload`, { method: 'POST', body: 'ok' });
    expect(((await next.body.json()) as { length: number }).length).toBe(2);
  });

  it('sends 100 Continue only once the route reads an acceptable body', async () => {
    const { port } = await startAdapter({ 'POST /upload': bodyRoute(1024) });
    const raw = await rawConversation(
      port,
      (socket) => {
        socket.write('POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n');
        socket.once('data', (head: string) => {
          if (head.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) socket.write('hello');
        });
      },
      { until: hasResponses(2) },
    );
    const [interim, final] = parseResponses(raw.text);
    expect(interim.status).toBe(100);
    expect(final.status).toBe(200);
    expect(JSON.parse(final.body).length).toBe(5);
  });

  it('answers 413 without 100 Continue when the declared body is too large', async () => {
    const { port } = await startAdapter({ 'POST /upload': bodyRoute(1024) });
    const raw = await rawRequest(port, `POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: ${MB}\r\nExpect: 100-continue\r\n\r\n`);
    expect(raw.text.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(raw.text).not.toContain('100 Continue');
    expect(raw.ended).toBe(true);
  });
});

import { Readable } from 'node:stream';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import helmet from 'helmet';
import { ArmatureRequest, type IncomingHeaders } from '../../src/http/request';
import { ArmatureResponse } from '../../src/http/response';
import { bindResponse } from '../../src/middleware/integration';
import { RecordingExchange } from '../support/recording-exchange';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cookie = require('cookie') as { serialize(name: string, value: string, options?: object): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const signature = require('cookie-signature') as { sign(value: string, secret: string): string };

type Express = (req: never, res: never, next: (error?: unknown) => void) => void;

function exchangeFor(method: string, path: string, headers: IncomingHeaders = {}) {
  const exchange = new RecordingExchange();
  const request = new ArmatureRequest(method, path, '', headers, {});
  const { response, exchange: bound } = bindResponse(request, exchange);
  return { exchange, request, response, bound };
}

/** Runs an npm middleware against our req/res: 'next' when it continued, 'ended' when it answered. */
function use(middleware: Express, request: ArmatureRequest, response: ArmatureResponse): Promise<'next' | 'ended'> {
  return new Promise((resolve, reject) => {
    response.whenSent(() => resolve('ended'));
    middleware(request as never, response as never, (error) => (error ? reject(error) : resolve('next')));
  });
}

describe('Express middleware on ArmatureRequest/ArmatureResponse', () => {
  it('cors: adds the headers of a simple request and continues', async () => {
    const { request, response } = exchangeFor('GET', '/x', { origin: 'https://app.example' });
    await expect(use(cors({ origin: 'https://app.example', credentials: true, exposedHeaders: ['x-total'] }), request, response)).resolves.toBe('next');
    expect(response.getHeaders()).toEqual({
      'access-control-allow-origin': 'https://app.example',
      vary: 'Origin',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-total',
    });
  });

  it('cors: answers a preflight by itself with 204', async () => {
    const { request, response, exchange } = exchangeFor('OPTIONS', '/x', {
      origin: 'https://app.example',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'x-token',
    });
    await expect(use(cors(), request, response)).resolves.toBe('ended');
    expect(exchange.status).toBe(204);
    expect(exchange.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
      'access-control-allow-headers': 'x-token',
      vary: 'Access-Control-Request-Headers',
      'content-length': '0',
    });
  });

  it('helmet: sets its security headers and removes X-Powered-By', async () => {
    const { request, response } = exchangeFor('GET', '/x');
    response.setHeader('X-Powered-By', 'Express');
    await expect(use(helmet(), request, response)).resolves.toBe('next');
    expect(response.getHeaderNames()).toEqual(
      expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy']),
    );
    expect(response.hasHeader('x-powered-by')).toBe(false);
    expect(response.getHeader('X-Content-Type-Options')).toBe('nosniff');
  });

  it('cookie-parser: fills req.cookies and req.signedCookies, which res.cookie({ signed }) round-trips', async () => {
    const first = exchangeFor('GET', '/x', {});
    await use(cookieParser('s3cret'), first.request, first.response);
    first.response.cookie('session', 'abc', { signed: true }).cookie('prefs', { theme: 'dark' });
    const setCookies = first.response.getHeader('set-cookie') as string[];
    const sent = setCookies.map((line) => line.split(';')[0]).join('; ');

    const second = exchangeFor('GET', '/x', { cookie: `${sent}; plain=1` });
    await use(cookieParser('s3cret'), second.request, second.response);
    expect(second.request.cookies).toEqual({ prefs: { theme: 'dark' }, plain: '1' });
    expect(second.request.signedCookies).toEqual({ session: 'abc' });
  });
});

describe('the Express/node surface of ArmatureResponse', () => {
  it('res.cookie writes what the cookie package serialises, with Express option handling', () => {
    const response = new ArmatureResponse(new RecordingExchange(), 'GET');
    const expires = new Date('2030-01-02T03:04:05Z');
    response.cookie('a', 'x y', { domain: 'example.com', path: '/p', expires, httpOnly: true, secure: true, sameSite: 'lax', priority: 'high', partitioned: true });
    response.cookie('b', 1);
    const [a, b] = response.getHeader('set-cookie') as string[];
    expect(a).toBe(cookie.serialize('a', 'x y', { domain: 'example.com', path: '/p', expires, httpOnly: true, secure: true, sameSite: 'lax', priority: 'high', partitioned: true }));
    expect(b).toBe('b=1; Path=/');
  });

  it('res.cookie: maxAge in milliseconds gives Max-Age in seconds and Expires; signed uses cookie-signature', () => {
    const request = new ArmatureRequest('GET', '/', '', {}, {});
    request.secret = 'k';
    const { response } = bindResponse(request, new RecordingExchange());
    const before = Date.now();
    response.cookie('t', 'v', { maxAge: 90_500, signed: true });
    const line = response.getHeader('set-cookie')![0];
    expect(line.startsWith(`t=${encodeURIComponent(`s:${signature.sign('v', 'k')}`)}; Max-Age=90; Path=/; Expires=`)).toBe(true);
    const expiresAt = Date.parse(line.split('Expires=')[1]);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor((before + 90_500) / 1000) * 1000);
    expect(() => new ArmatureResponse(new RecordingExchange(), 'GET').cookie('t', 'v', { signed: true })).toThrow('cookieParser("secret") required for signed cookies');
    expect(() => response.cookie('bad name', 'v')).toThrow('Invalid cookie name');
  });

  it('res.clearCookie expires the cookie at the epoch, ignoring maxAge', () => {
    const response = new ArmatureResponse(new RecordingExchange(), 'GET');
    response.clearCookie('session', { path: '/admin', maxAge: 1000 });
    expect(response.getHeader('set-cookie')).toEqual(['session=; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
  });

  it('writeHead stages status and headers; write chunks are sent with end as one body', async () => {
    const exchange = new RecordingExchange();
    const response = new ArmatureResponse(exchange, 'GET');
    response.setHeader('x-a', '1');
    response.writeHead(201, 'Created', { 'Content-Type': 'text/plain', 'X-A': '2' });
    expect(response.write('hello ')).toBe(true);
    response.write(Buffer.from('big '));
    response.end('world');
    expect(exchange.status).toBe(201);
    expect(exchange.headers).toEqual({ 'x-a': '2', 'content-type': 'text/plain' });
    expect(String(exchange.body)).toBe('hello big world');
    expect(response.write('late')).toBe(false);
    const flat = new ArmatureResponse(new RecordingExchange(), 'GET').writeHead(202, ['X-One', '1', 'X-Two', '2']);
    expect(flat.getHeaders()).toEqual({ 'x-one': '1', 'x-two': '2' });
  });

  it('emits finish then close after the response went out, with the status sent', async () => {
    const response = new ArmatureResponse(new RecordingExchange(), 'GET');
    const events: string[] = [];
    response.on('finish', () => events.push(`finish ${response.statusCode}`));
    response.once('close', () => events.push('close'));
    const callback = jest.fn();
    response.status(418).end('teapot', callback);
    expect(response.finished).toBe(true);
    expect(events).toEqual([]); // on the next tick, as node
    await new Promise((resolve) => process.nextTick(resolve));
    expect(events).toEqual(['finish 418', 'close']);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(response.writableFinished).toBe(true);
    expect(response.listenerCount('finish')).toBe(1);
    response.removeAllListeners('finish');
    expect(response.listenerCount('finish')).toBe(0);
  });

  it('emits finish for a streamed body once the stream ended', async () => {
    const response = new ArmatureResponse(new RecordingExchange(), 'GET');
    const finished = new Promise<void>((resolve) => response.on('finish', resolve));
    const source = Readable.from(['a', 'b']);
    response.stream(source);
    expect(response.writableFinished).toBe(false);
    source.resume();
    await finished;
    expect(response.writableFinished).toBe(true);
  });

  it('res.vary adds a field once', () => {
    const response = new ArmatureResponse(new RecordingExchange(), 'GET');
    response.vary('Origin').vary('origin').vary('Accept, Accept-Encoding');
    expect(response.getHeader('vary')).toBe('Origin, Accept, Accept-Encoding');
  });
});

describe('the response-bound exchange', () => {
  it('carries the headers middleware set, and records the status the pipeline sent', async () => {
    const { response, bound, exchange } = exchangeFor('GET', '/x');
    response.setHeader('x-frame-options', 'DENY');
    response.setHeader('content-type', 'text/plain');
    const statuses: number[] = [];
    response.on('finish', () => statuses.push(response.statusCode));
    bound.send(201, ['content-type', 'application/json; charset=utf-8', 'x-route', '1'], '{}');
    expect(exchange.headers).toEqual({ 'x-route': '1', 'x-frame-options': 'DENY', 'content-type': 'text/plain' });
    expect(response.headersSent).toBe(true);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(statuses).toEqual([201]);
  });

  it('does not double headers the pipeline already merged from the response', () => {
    const { response, bound, exchange } = exchangeFor('GET', '/x');
    response.append('set-cookie', 'a=1').append('set-cookie', 'b=2');
    bound.send(200, response.flatHeaders(['x-route', '1']), null);
    expect(exchange.headers).toEqual({ 'x-route': '1', 'set-cookie': 'a=1, b=2' });
  });

  it('links req.res and res.req', () => {
    const { request, response } = exchangeFor('GET', '/x');
    expect(request.res).toBe(response);
    expect(response.req).toBe(request);
  });
});

describe('the Express surface of ArmatureRequest', () => {
  it('lets middleware rewrite req.url while originalUrl, path and query keep the original', () => {
    const request = new ArmatureRequest('GET', '/a', 'q=1', {}, {});
    request.url = '/rewritten';
    expect(request.url).toBe('/rewritten');
    expect(request.originalUrl).toBe('/a?q=1');
    expect(request.path).toBe('/a');
    expect(request.query).toEqual({ q: '1' });
  });

  it('answers host, secure, ips, xhr, baseUrl and the referrer alias as Express', () => {
    const request = new ArmatureRequest('GET', '/', '', { host: 'example.com:8080', 'x-requested-with': 'XMLHttpRequest', referer: 'https://from.example' }, {});
    expect(request.host).toBe('example.com:8080');
    expect(request.hostname).toBe('example.com');
    expect(request.secure).toBe(false);
    expect(request.ips).toEqual([]);
    expect(request.xhr).toBe(true);
    expect(request.baseUrl).toBe('');
    expect(request.get('Referrer')).toBe('https://from.example');
    expect(request.cookies).toBeUndefined();
  });
});

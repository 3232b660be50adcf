import { request } from 'undici';
import { BadRequestException, Body, Controller, Cors, Get, Header, HttpResponse, Module, Post, cors, get, type MicroServer, type Type } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';
import { microApp, startMicro } from '../micro/support';

/** Every route the handlers ran for, to prove preflights never reach them. */
const handled: string[] = [];

/** The same routes under several prefixes, each prefix with its own CORS policy. */
function itemsUnder(prefix: string): Type {
  @Controller(prefix)
  class ItemsController {
    @Get('items')
    @Header('x-total', '3')
    list() {
      handled.push(`GET /${prefix}/items`);
      return [{ id: 1 }];
    }

    @Post('items')
    create(@Body() body: { name: string }) {
      handled.push(`POST /${prefix}/items`);
      return { created: body.name };
    }

    @Get('boom')
    boom() {
      throw new BadRequestException('no good');
    }
  }
  return ItemsController;
}

@Module({ controllers: ['p', 'c', 'a', 'w', 'wc'].map(itemsUnder) })
class AppModule {}

const GOOD = 'https://good.example';
const EVIL = 'https://evil.example';

function configureCors(app: RunningApp['app']): void {
  app.use('/p', Cors.permissive());
  app.use(
    '/c',
    Cors.default()
      .allowOrigin('https://GOOD.example/', /^https:\/\/[a-z]+\.trusted\.example$/)
      .allowMethods('GET', 'POST')
      .allowCredentials()
      .exposeHeaders('x-total')
      .maxAge(600),
  );
  app.use(
    '/a',
    cors({
      origin: async (origin) => {
        if (origin === 'https://throws.example') throw new Error('lookup failed');
        await new Promise((resolve) => setTimeout(resolve, 5));
        return origin.endsWith('.tenant.example');
      },
    }),
  );
  app.use('/w', cors({ origin: '*' }));
  app.use('/wc', cors({ origin: '*', credentials: true }));
}

type Headers = Record<string, string | string[] | undefined>;
const varyOf = (headers: Headers) => String(headers.vary ?? '').split(/,\s*/).filter(Boolean);

describe.each(ADAPTERS)('Cors middleware (%s)', (_name, createAdapter) => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, configureCors);
  });
  afterAll(() => running.close());
  beforeEach(() => {
    handled.length = 0;
  });

  const send = async (path: string, method: string, headers: Record<string, string>) => {
    const res = await request(`${running.url}${path}`, { method: method as 'GET', headers });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers as Headers, text };
  };
  const preflight = (path: string, origin: string, method = 'PUT', requestHeaders?: string) =>
    send(path, 'OPTIONS', { origin, 'access-control-request-method': method, ...(requestHeaders === undefined ? {} : { 'access-control-request-headers': requestHeaders }) });

  describe('permissive', () => {
    it('reflects any origin with credentials on an actual request, exposing the response headers', async () => {
      const res = await send('/p/items', 'GET', { origin: 'https://anyone.example' });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('https://anyone.example');
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      // `*` would be literal with credentials: the response's own header names are listed.
      expect(String(res.headers['access-control-expose-headers']).split(', ')).toContain('x-total');
      expect(varyOf(res.headers)).toContain('Origin');
      expect(JSON.parse(res.text)).toEqual([{ id: 1 }]);
    });

    it('answers preflights itself with 204, echoing the method and headers asked for, on routed and unrouted paths', async () => {
      for (const path of ['/p/items', '/p/nowhere']) {
        const res = await preflight(path, 'https://anyone.example', 'PATCH', 'x-token, content-type');
        expect(res.status).toBe(204);
        expect(res.text).toBe('');
        expect(res.headers['access-control-allow-origin']).toBe('https://anyone.example');
        expect(res.headers['access-control-allow-credentials']).toBe('true');
        expect(res.headers['access-control-allow-methods']).toBe('PATCH');
        expect(res.headers['access-control-allow-headers']).toBe('x-token, content-type');
        expect(varyOf(res.headers)).toEqual(expect.arrayContaining(['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']));
      }
      expect(handled).toEqual([]);
    });

    it('adds only Vary to a request without Origin (not a CORS request)', async () => {
      const res = await send('/p/items', 'GET', {});
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(varyOf(res.headers)).toEqual(['Origin']);
    });

    it('lets an OPTIONS request that is not a preflight through to the route table', async () => {
      const res = await send('/p/items', 'OPTIONS', { origin: 'https://anyone.example' });
      expect(res.status).toBe(405);
      expect(res.headers['access-control-allow-origin']).toBe('https://anyone.example');
    });
  });

  describe('configured (origins list and RegExp, credentials, exposed headers, max-age)', () => {
    it('allows a listed origin (compared without case or trailing slash) and one matching the RegExp', async () => {
      for (const origin of [GOOD, 'https://app.trusted.example']) {
        const res = await send('/c/items', 'GET', { origin });
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBe(origin);
        expect(res.headers['access-control-allow-credentials']).toBe('true');
        expect(res.headers['access-control-expose-headers']).toBe('x-total');
        expect(varyOf(res.headers)).toEqual(['Origin']);
      }
    });

    it('runs the request from a refused origin but gives it no CORS headers', async () => {
      for (const origin of [EVIL, 'https://app.trusted.example.evil.example', 'https://good.example.evil.example', 'null']) {
        const res = await send('/c/items', 'GET', { origin });
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
      const res = await request(`${running.url}/c/items`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body: '{"name":"x"}' });
      expect(res.statusCode).toBe(201);
      expect(await res.body.json()).toEqual({ created: 'x' });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['access-control-expose-headers']).toBeUndefined();
      expect(varyOf(res.headers as Headers)).toEqual(['Origin']);
      expect(handled).toContain('POST /c/items');
    });

    it('answers an allowed preflight with the configured methods, echoed headers and max-age', async () => {
      const res = await preflight('/c/items', GOOD, 'POST', 'content-type');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(GOOD);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers['access-control-allow-methods']).toBe('GET,POST');
      expect(res.headers['access-control-allow-headers']).toBe('content-type');
      expect(res.headers['access-control-max-age']).toBe('600');
      expect(varyOf(res.headers)).toEqual(['Origin', 'Access-Control-Request-Headers']);
    });

    it('answers a refused preflight without any allow header, and the route never runs', async () => {
      for (const path of ['/c/items', '/c/nowhere']) {
        const res = await preflight(path, EVIL, 'POST', 'content-type');
        expect(res.status).toBe(204);
        for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age']) {
          expect(res.headers[name]).toBeUndefined();
        }
        expect(varyOf(res.headers)).toEqual(['Origin']);
      }
      expect(handled).toEqual([]);
    });

    it('answers preflights on paths without an OPTIONS route (404 and 405 misses)', async () => {
      for (const path of ['/c/boom', '/c/nowhere/deeper']) {
        const res = await preflight(path, GOOD, 'DELETE');
        expect(res.status).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe(GOOD);
      }
    });

    it('puts the CORS headers on error answers, so that the page can read them', async () => {
      const res = await send('/c/boom', 'GET', { origin: GOOD });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({ statusCode: 400, message: 'no good', error: 'Bad Request' });
      expect(res.headers['access-control-allow-origin']).toBe(GOOD);
      const missing = await send('/c/nowhere', 'GET', { origin: GOOD });
      expect(missing.status).toBe(404);
      expect(missing.headers['access-control-allow-origin']).toBe(GOOD);
    });
  });

  describe('origin decided by an async function', () => {
    it('allows what it accepts and refuses the rest, for requests and preflights', async () => {
      const yes = await send('/a/items', 'GET', { origin: 'https://shop.tenant.example' });
      expect(yes.headers['access-control-allow-origin']).toBe('https://shop.tenant.example');
      expect(yes.headers['access-control-allow-credentials']).toBeUndefined();
      const no = await send('/a/items', 'GET', { origin: EVIL });
      expect(no.status).toBe(200);
      expect(no.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight('/a/items', 'https://shop.tenant.example', 'POST');
      expect(pre.status).toBe(204);
      expect(pre.headers['access-control-allow-methods']).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
      expect(pre.headers['access-control-allow-origin']).toBe('https://shop.tenant.example');
    });

    it('refuses (without failing the request) when the function throws', async () => {
      const res = await send('/a/items', 'GET', { origin: 'https://throws.example' });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(varyOf(res.headers)).toEqual(['Origin']);
    });
  });

  describe('any origin', () => {
    it('sends * without Vary when no credentials are involved, Origin or not', async () => {
      for (const headers of [{ origin: EVIL }, {}] as Array<Record<string, string>>) {
        const res = await send('/w/items', 'GET', headers);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(res.headers.vary).toBeUndefined();
      }
    });

    it('never combines * with credentials: the origin is reflected, with Vary: Origin', async () => {
      const res = await send('/wc/items', 'GET', { origin: EVIL });
      expect(res.headers['access-control-allow-origin']).toBe(EVIL);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(varyOf(res.headers)).toEqual(['Origin']);
      const pre = await preflight('/wc/nowhere', EVIL);
      expect(pre.headers['access-control-allow-origin']).toBe(EVIL);
      const withoutOrigin = await send('/wc/items', 'GET', {});
      expect(withoutOrigin.headers['access-control-allow-origin']).toBeUndefined();
      expect(withoutOrigin.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });
});

describe('Cors builder', () => {
  it('returns a new middleware for each setting and leaves the one it was called on unchanged', () => {
    const base = Cors.default();
    const allowed = base.allowOrigin('https://a.example').allowOrigin('https://b.example').allowCredentials();
    expect(base.config).toEqual({});
    expect(allowed.config).toEqual({ origin: ['https://a.example', 'https://b.example'], credentials: true });
    expect(allowed.allowAnyOrigin().allowOrigin('https://c.example').config.origin).toEqual(['*', 'https://c.example']);
  });

  it('refuses a max-age that is not a whole number of seconds, at build time', () => {
    expect(() => Cors.default().maxAge(-1)).toThrow(/maxAge/);
    expect(() => cors({ maxAge: 1.5 })).toThrow(/maxAge/);
  });
});

describe.each(ADAPTERS)('app.enableCors() on the shared CORS rules (%s)', (_name, createAdapter) => {
  it('reflects the origin instead of sending * with credentials', async () => {
    const running = await startApp(AppModule, createAdapter, {}, (app) => app.enableCors({ credentials: true }));
    try {
      const res = await request(`${running.url}/p/items`, { headers: { origin: GOOD } });
      await res.body.dump();
      expect(res.headers['access-control-allow-origin']).toBe(GOOD);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers.vary).toBe('Origin');
    } finally {
      await running.close();
    }
  });
});

describe.each(ADAPTERS)('Cors in a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  beforeAll(async () => {
    server = await startMicro(
      microApp(createAdapter)
        .wrap(Cors.default().allowOrigin(GOOD).allowCredentials())
        .route('/items', get(() => HttpResponse.json([1, 2]))),
    );
  });
  afterAll(() => server.close());

  it('answers the preflight of a GET-only route (a 405 miss) and decorates the actual request', async () => {
    const pre = await request(`${server.url}/items`, { method: 'OPTIONS', headers: { origin: GOOD, 'access-control-request-method': 'DELETE' } });
    await pre.body.dump();
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(GOOD);
    expect(pre.headers['access-control-allow-credentials']).toBe('true');
    const actual = await request(`${server.url}/items`, { headers: { origin: GOOD } });
    expect(await actual.body.json()).toEqual([1, 2]);
    expect(actual.headers['access-control-allow-origin']).toBe(GOOD);
    const refused = await request(`${server.url}/items`, { headers: { origin: EVIL } });
    await refused.body.dump();
    expect(refused.statusCode).toBe(200);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});

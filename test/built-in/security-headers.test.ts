import { request } from 'undici';
import { App, Controller, DEFAULT_CSP_DIRECTIVES, Get, Header, HttpResponse, Module, get, securityHeaders, type MicroServer } from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

@Controller()
class PagesController {
  @Get('page')
  page() {
    return { ok: true };
  }

  @Get('framable')
  @Header('X-Frame-Options', 'DENY')
  @Header('Content-Security-Policy', "default-src 'none'")
  framable() {
    return 'own headers';
  }

  @Get('powered')
  @Header('X-Powered-By', 'Express')
  powered() {
    return 'hidden';
  }

  @Get('crash')
  crash() {
    throw new Error('boom');
  }
}

@Module({ controllers: [PagesController] })
class AppModule {}

const DEFAULTS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe.each(ADAPTERS)('securityHeaders (%s)', (_name, createAdapter) => {
  let running: RunningApp;
  let tuned: RunningApp;

  beforeAll(async () => {
    running = await startApp(AppModule, createAdapter, {}, (app) => app.use(securityHeaders()));
    tuned = await startApp(AppModule, createAdapter, {}, (app) =>
      app.use(
        securityHeaders({
          contentSecurityPolicy: { directives: { scriptSrc: ["'self'", 'https://cdn.example.com'], upgradeInsecureRequests: false }, reportOnly: true },
          strictTransportSecurity: { maxAge: 600, includeSubDomains: false, preload: true },
          xFrameOptions: 'DENY',
          referrerPolicy: ['no-referrer', 'strict-origin-when-cross-origin'],
          crossOriginEmbedderPolicy: 'require-corp',
          xXssProtection: false,
          originAgentCluster: false,
          hidePoweredBy: false,
        }),
      ),
    );
  });
  afterAll(async () => {
    await running.close();
    await tuned.close();
  });

  it('adds the hardened defaults', async () => {
    const res = await request(`${running.url}/page`);
    expect(res.statusCode).toBe(200);
    for (const [name, value] of Object.entries(DEFAULTS)) expect([name, res.headers[name]]).toEqual([name, value]);
    expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(await res.body.json()).toEqual({ ok: true });
  });

  it('adds them to error answers too (500 and 404)', async () => {
    for (const path of ['/crash', '/missing']) {
      const res = await request(`${running.url}${path}`);
      expect(res.statusCode).toBe(path === '/crash' ? 500 : 404);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBe(DEFAULTS['content-security-policy']);
      await res.body.dump();
    }
  });

  it('keeps a header the route set itself, without adding a second value', async () => {
    const res = await request(`${running.url}/framable`);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    await res.body.dump();
  });

  it('removes X-Powered-By, unless told not to', async () => {
    const res = await request(`${running.url}/powered`);
    expect(res.headers['x-powered-by']).toBeUndefined();
    await res.body.dump();
    const kept = await request(`${tuned.url}/powered`);
    expect(kept.headers['x-powered-by']).toBe('Express');
    await kept.body.dump();
  });

  it('applies configured values and leaves out disabled headers', async () => {
    const res = await request(`${tuned.url}/page`);
    expect(res.headers['content-security-policy']).toBeUndefined();
    const csp = res.headers['content-security-policy-report-only'] as string;
    expect(csp).toContain("script-src 'self' https://cdn.example.com");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBe('max-age=600; preload');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer,strict-origin-when-cross-origin');
    expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(res.headers['x-xss-protection']).toBeUndefined();
    expect(res.headers['origin-agent-cluster']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    await res.body.dump();
  });
});

describe('securityHeaders options', () => {
  it('can disable every header', async () => {
    const running = await startApp(AppModule, ADAPTERS[1][1], {}, (app) =>
      app.use(
        securityHeaders({
          contentSecurityPolicy: false,
          crossOriginOpenerPolicy: false,
          crossOriginResourcePolicy: false,
          originAgentCluster: false,
          referrerPolicy: false,
          strictTransportSecurity: false,
          xContentTypeOptions: false,
          xDnsPrefetchControl: false,
          xDownloadOptions: false,
          xFrameOptions: false,
          xPermittedCrossDomainPolicies: false,
          xXssProtection: false,
        }),
      ),
    );
    try {
      const res = await request(`${running.url}/page`);
      for (const name of Object.keys(DEFAULTS)) expect([name, res.headers[name]]).toEqual([name, undefined]);
      await res.body.dump();
    } finally {
      await running.close();
    }
  });

  it('refuses values that would inject directives or headers, at startup', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: "'self'; object-src *" } } })).toThrow(/separator/);
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { 'bad name!': "'self'" } } })).toThrow(/directive name/);
    expect(() => securityHeaders({ contentSecurityPolicy: "default-src 'self'\r\nSet-Cookie: x=1" })).toThrow(/line break/);
    expect(() => securityHeaders({ referrerPolicy: 'no-referrer\r\nx: y' })).toThrow(/Referrer-Policy/);
    expect(() => securityHeaders({ strictTransportSecurity: { maxAge: -1 } })).toThrow(/maxAge/);
    expect(() => securityHeaders({ contentSecurityPolicy: { useDefaults: false, directives: {} } })).toThrow(/no directives/);
  });

  it('exposes the default policy it starts from', () => {
    expect(DEFAULT_CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(Object.isFrozen(DEFAULT_CSP_DIRECTIVES)).toBe(true);
  });
});

describe.each(ADAPTERS)('securityHeaders in a micro app (%s)', (_name, createAdapter) => {
  let server: MicroServer;
  beforeAll(async () => {
    server = await App.new({ adapter: createAdapter, logger: false })
      .wrap(securityHeaders())
      .route('/page', get(() => HttpResponse.html('<p>hi</p>').header('X-Frame-Options', 'DENY').header('X-Powered-By', 'micro')))
      .run({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => server.close());

  it('adds the defaults around a handler, keeps its own header and drops X-Powered-By', async () => {
    const res = await request(`${server.url}/page`);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBe(DEFAULTS['strict-transport-security']);
    expect(res.headers['content-security-policy']).toBe(DEFAULTS['content-security-policy']);
    expect(await res.body.text()).toBe('<p>hi</p>');
  });
});

import { Controller, Get, Module, Post, RequestMethod, Version, VERSION_NEUTRAL, VersioningType } from '@armature/core';
import { ADAPTERS, startApp } from '../support/adapters';

@Controller({ path: 'cats', version: '1' })
class CatsV1Controller {
  @Get()
  list() {
    return { version: 1 };
  }

  @Version('2')
  @Get()
  listV2() {
    return { version: 2 };
  }
}

@Controller({ path: 'health', version: VERSION_NEUTRAL })
class HealthController {
  @Get()
  check() {
    return { healthy: true };
  }
}

@Controller('plain')
class PlainController {
  @Get()
  get() {
    return { plain: true };
  }

  @Post()
  create() {
    return { created: true };
  }
}

@Module({ controllers: [CatsV1Controller, HealthController, PlainController] })
class AppModule {}

/** Without versioning, CatsV1Controller's two versions would be one route twice: left out here. */
@Module({ controllers: [HealthController, PlainController] })
class UnversionedModule {}

describe.each(ADAPTERS)('routing options on the %s adapter', (_name, createAdapter) => {
  it('global prefix, with exclusions by path and by method', async () => {
    const running = await startApp(UnversionedModule, createAdapter, {}, (app) =>
      app.setGlobalPrefix('api', { exclude: ['health', { path: 'plain', method: RequestMethod.POST }] }),
    );
    try {
      expect((await fetch(`${running.url}/api/plain`)).status).toBe(200);
      expect((await fetch(`${running.url}/plain`)).status).toBe(405); // POST /plain exists, GET does not
      expect((await fetch(`${running.url}/plain`, { method: 'POST' })).status).toBe(201);
      expect(await (await fetch(`${running.url}/health`)).json()).toEqual({ healthy: true });
    } finally {
      await running.close();
    }
  });

  it('URI versioning: /v1, /v2, neutral routes unversioned', async () => {
    const running = await startApp(AppModule, createAdapter, {}, (app) => app.enableVersioning({ type: VersioningType.URI }));
    try {
      expect(await (await fetch(`${running.url}/v1/cats`)).json()).toEqual({ version: 1 });
      expect(await (await fetch(`${running.url}/v2/cats`)).json()).toEqual({ version: 2 });
      expect((await fetch(`${running.url}/v3/cats`)).status).toBe(404);
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
      expect((await fetch(`${running.url}/plain`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('header versioning picks by header; missing version uses the default', async () => {
    const running = await startApp(AppModule, createAdapter, {}, (app) =>
      app.enableVersioning({ type: VersioningType.HEADER, header: 'X-API-Version', defaultVersion: '1' }),
    );
    try {
      const ask = async (version?: string) => {
        const res = await fetch(`${running.url}/cats`, { headers: version ? { 'x-api-version': version } : {} });
        return res.status === 200 ? res.json() : res.status;
      };
      expect(await ask('2')).toEqual({ version: 2 });
      expect(await ask('1')).toEqual({ version: 1 });
      expect(await ask('9')).toBe(404);
      expect(await (await fetch(`${running.url}/health`, { headers: { 'x-api-version': '5' } })).json()).toEqual({ healthy: true });
      // PlainController has no version: it gets the default (1), so only that version (or none asked) finds it.
      expect((await fetch(`${running.url}/plain`, { headers: { 'x-api-version': '1' } })).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('media-type versioning reads the Accept parameter', async () => {
    const running = await startApp(AppModule, createAdapter, {}, (app) => app.enableVersioning({ type: VersioningType.MEDIA_TYPE, key: 'v=' }));
    try {
      const res = await fetch(`${running.url}/cats`, { headers: { accept: 'application/json;v=2' } });
      expect(await res.json()).toEqual({ version: 2 });
    } finally {
      await running.close();
    }
  });

  it('CORS: headers on answers, preflight 204, refused origins get no allow header', async () => {
    const running = await startApp(UnversionedModule, createAdapter, {}, (app) =>
      app.enableCors({ origin: ['https://good.example'], credentials: true, exposedHeaders: ['x-total'], maxAge: 600 }),
    );
    try {
      const ok = await fetch(`${running.url}/plain`, { headers: { origin: 'https://good.example' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://good.example');
      expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
      expect(ok.headers.get('access-control-expose-headers')).toBe('x-total');
      expect(ok.headers.get('vary')).toBe('Origin');

      const refused = await fetch(`${running.url}/plain`, { headers: { origin: 'https://evil.example' } });
      expect(refused.status).toBe(200);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();

      const preflight = await fetch(`${running.url}/plain`, {
        method: 'OPTIONS',
        headers: { origin: 'https://good.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-token' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('x-token');
      expect(preflight.headers.get('access-control-max-age')).toBe('600');
    } finally {
      await running.close();
    }
  });

  it('CORS with an origin function decides per request', async () => {
    const running = await startApp(UnversionedModule, createAdapter, {}, (app) =>
      app.enableCors({ origin: (origin, callback) => setTimeout(() => callback(null, origin?.endsWith('.trusted.example') ?? false), 1) }),
    );
    try {
      const yes = await fetch(`${running.url}/plain`, { headers: { origin: 'https://a.trusted.example' } });
      expect(yes.headers.get('access-control-allow-origin')).toBe('https://a.trusted.example');
      const no = await fetch(`${running.url}/plain`, { headers: { origin: 'https://other.example' } });
      expect(no.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await running.close();
    }
  });
});

describe('route listing', () => {
  it('getRoutes() lists every declared route with its handler and module', async () => {
    const running = await startApp(UnversionedModule, ADAPTERS[1][1]);
    try {
      // toEqual ignores the undefined fields (host, versions, pipeline) of plain routes.
      expect(running.app.getRoutes()).toEqual([
        { method: 'GET', path: '/health', handler: 'HealthController#check', module: 'UnversionedModule' },
        { method: 'GET', path: '/plain', handler: 'PlainController#get', module: 'UnversionedModule' },
        { method: 'POST', path: '/plain', handler: 'PlainController#create', module: 'UnversionedModule' },
      ]);
    } finally {
      await running.close();
    }
  });
});

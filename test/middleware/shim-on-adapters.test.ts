import cookieParser from 'cookie-parser';
import cors from 'cors';
import helmet from 'helmet';
import { request } from 'undici';
import { RouteTable, SilentLogger, type ArmatureRequest, type HttpExchange, type HttpServerAdapter, type RouteHandle, type RouteTableView } from '@armature/core';
import { bindResponse, MiddlewareRegistry, withMiddlewareNeeds } from '../../packages/core/src/middleware/integration';
import { writeError } from '../../packages/core/src/pipeline/error-writer';
import type { RouteDefinition } from '../../packages/core/src/router/route-definition';
import { ADAPTERS } from '../support/adapters';

/**
 * The middleware runner and the Express shim over real sockets, on both adapters, without the
 * application pipeline: each route here runs its middleware, then answers JSON through the
 * response-bound exchange, as the pipeline does. (The full application path is in middleware.test.ts.)
 */
const NO_NEEDS = { allHeaders: false, headerNames: [], body: false, ip: false };
const JSON_HEADERS = ['content-type', 'application/json; charset=utf-8'];
const logger = new SilentLogger();

class ItemsController {}

function definition(method: string, path: string): RouteDefinition {
  return { method, path, controller: ItemsController, methodName: 'handle', handler: () => undefined, params: [], responseHeaders: [] } as unknown as RouteDefinition;
}

/** A route that answers `answer(request)` as JSON after its middleware. */
function routeHandle(registry: MiddlewareRegistry, route: RouteDefinition, answer: (request: ArmatureRequest) => unknown): RouteHandle {
  const runner = registry.compile(route);
  const reply = (request: ArmatureRequest, exchange: HttpExchange) => exchange.send(route.method === 'POST' ? 201 : 200, JSON_HEADERS, JSON.stringify(answer(request)));
  if (runner === undefined) return { needs: NO_NEEDS, run: reply };
  return {
    needs: withMiddlewareNeeds(NO_NEEDS),
    run(req, exchange) {
      const bound = bindResponse(req, exchange);
      runner.run(req, bound.response).then(
        (proceed) => proceed && reply(req, bound.exchange),
        (error) => writeError(error, bound.exchange, logger, bound.response),
      );
    },
  };
}

interface Server {
  url: string;
  close(): Promise<void>;
}

async function serve(createAdapter: () => HttpServerAdapter, registry: MiddlewareRegistry, routes: Array<[RouteDefinition, (request: ArmatureRequest) => unknown]>): Promise<Server> {
  const table = new RouteTable();
  const handles = new Set<RouteHandle>();
  for (const [route, answer] of routes) {
    const handle = routeHandle(registry, route, answer);
    handles.add(handle);
    table.add(route.method, route.path, handle, route.path);
  }
  // What the application does with the table's misses once wired: hand them to wrapUnmatched.
  const view: RouteTableView = {
    hostConstrained: false,
    lookup(method, path) {
      const match = table.lookup(method, path);
      return handles.has(match.handle) ? match : { handle: registry.wrapUnmatched(match.handle), params: match.params };
    },
  };
  const adapter = createAdapter();
  adapter.init(view, { bodyLimit: 1024 * 1024, maxHeaderSize: 16 * 1024, logger });
  await adapter.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${adapter.address()!.port}`, close: () => adapter.close() };
}

describe.each(ADAPTERS)('middleware runner and Express shim on real sockets (%s)', (_name, createAdapter) => {
  let server: Server;
  const finished: string[] = [];

  beforeAll(async () => {
    const registry = new MiddlewareRegistry();
    registry.use(cors({ origin: 'https://app.example' }), helmet(), cookieParser('s3cret'));
    registry.use((req: ArmatureRequest, res: import('@armature/core').ArmatureResponse, next: (error?: unknown) => void) => {
      res.on('finish', () => finished.push(`${req.method} ${req.path} ${res.statusCode}`));
      if (req.path === '/fail') return next(new Error('middleware failure'));
      if (req.headers['x-stop'] !== undefined) return void res.status(401).json({ stopped: true });
      next();
    });
    await registry.prepare([], { logger });
    server = await serve(createAdapter, registry, [
      [definition('GET', '/items'), (req) => ({ cookies: req.cookies, signed: req.signedCookies })],
      [definition('POST', '/items'), () => ({ created: true })],
      [definition('GET', '/fail'), () => ({ unreachable: true })],
    ]);
  });

  afterAll(() => server.close());

  it('puts the headers middleware set on the route answer, and gives middleware the parsed cookies', async () => {
    const response = await request(`${server.url}/items`, { headers: { origin: 'https://app.example', cookie: 'a=1; b=j%3A%7B%22x%22%3A2%7D' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(await response.body.json()).toEqual({ cookies: { a: '1', b: { x: 2 } }, signed: {} });
  });

  it('answers CORS preflights for any path, routed or not', async () => {
    for (const path of ['/items', '/nowhere']) {
      const response = await request(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT' },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(response.headers['access-control-allow-methods']).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
      await response.body.dump();
    }
  });

  it('gives 404s and 405s the middleware headers', async () => {
    const missing = await request(`${server.url}/nowhere`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-frame-options']).toBe('SAMEORIGIN');
    await missing.body.dump();
    const wrongMethod = await request(`${server.url}/items`, { method: 'DELETE' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, POST');
    expect(wrongMethod.headers['x-frame-options']).toBe('SAMEORIGIN');
    await wrongMethod.body.dump();
  });

  it('lets a middleware answer by itself, and answers next(err) with an error carrying the middleware headers', async () => {
    const stopped = await request(`${server.url}/items`, { headers: { 'x-stop': '1' } });
    expect(stopped.statusCode).toBe(401);
    expect(await stopped.body.json()).toEqual({ stopped: true });
    const failed = await request(`${server.url}/fail`);
    expect(failed.statusCode).toBe(500);
    expect(failed.headers['x-content-type-options']).toBe('nosniff');
    expect(await failed.body.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
  });

  it("emits 'finish' with the status that went out", async () => {
    finished.length = 0;
    const created = await request(`${server.url}/items`, { method: 'POST' });
    await created.body.dump();
    const missing = await request(`${server.url}/missing`);
    await missing.body.dump();
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toEqual(['POST /items 201', 'GET /missing 404']);
  });
});

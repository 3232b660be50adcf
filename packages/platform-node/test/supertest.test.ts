import supertest from 'supertest';
import { NodeAdapter } from '../src';
import { fakeTable, JSON_HEADERS } from './support/fake-table';
import { silentLogger } from './support/start-adapter';

describe('NodeAdapter.getHttpServer with supertest', () => {
  it('serves several sequential supertest requests on the never-listened server', async () => {
    const adapter = new NodeAdapter();
    let count = 0;
    adapter.init(
      fakeTable({
        'GET /count': (_req, ex) => ex.send(200, JSON_HEADERS, JSON.stringify({ count: ++count })),
        'POST /echo': {
          needs: { body: true },
          run: (_req, ex) => void ex.readBody(1024).then((body) => ex.send(201, ['content-type', 'text/plain'], body)),
        },
      }),
      { bodyLimit: 1024, maxHeaderSize: 16384, logger: silentLogger },
    );
    const server = adapter.getHttpServer();
    expect(server.listening).toBe(false);

    await supertest(server).get('/count').expect(200, { count: 1 });
    await supertest(server).get('/count').expect(200, { count: 2 });
    await supertest(server).post('/echo').send('hello').set('content-type', 'text/plain').expect(201, 'hello');
    await supertest(server).get('/missing').expect(404, { message: 'Cannot GET /missing', error: 'Not Found', statusCode: 404 });
    // supertest closed the server after each request.
    expect(server.listening).toBe(false);
    expect(adapter.getInstance()).toBe(server);
  });
});

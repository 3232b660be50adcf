import request from 'supertest';
import { Test } from '@armature/testing';
import { ValidationPipe, type INestApplication } from '@armature/core';
import { AppModule } from '../src/app.module';
import { CatsService } from '../src/cats/cats.service';

// Written the way a NestJS e2e test is: only the import paths differ.
describe('Cats (e2e)', () => {
  let app: INestApplication;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it('GET / says hello as text/html', () => {
    return request(app.getHttpServer()).get('/').expect(200).expect('Content-Type', /text\/html/).expect('Hello World!');
  });

  it('POST /cats creates a cat with 201, then GET lists and finds it', async () => {
    const created = await request(app.getHttpServer())
      .post('/cats')
      .send({ name: 'Tom', age: 3, breed: 'Siamese' })
      .expect(201);
    expect(created.body).toEqual({ id: 1, name: 'Tom', age: 3, breed: 'Siamese' });

    await request(app.getHttpServer()).get('/cats').expect(200).expect([created.body]);
    await request(app.getHttpServer()).get('/cats/1').expect(200).expect(created.body);
    await request(app.getHttpServer()).get('/cats?breed=Persian').expect(200).expect([]);
  });

  it('an unknown cat is a 404 in NestJS shape', () => {
    return request(app.getHttpServer())
      .get('/cats/42')
      .expect(404)
      .expect({ message: 'Cat #42 not found', error: 'Not Found', statusCode: 404 });
  });

  it('an invalid cat is a 400 listing the problems', async () => {
    const res = await request(app.getHttpServer()).post('/cats').send({ name: 'Tom', age: -1 }).expect(400);
    expect(res.body).toEqual({
      message: ['age must not be less than 0', 'breed must be a string'],
      error: 'Bad Request',
      statusCode: 400,
    });
  });

  it('a non-numeric id is a 400 from ParseIntPipe', () => {
    return request(app.getHttpServer())
      .get('/cats/abc')
      .expect(400, { message: 'Validation failed (numeric string is expected)', error: 'Bad Request', statusCode: 400 });
  });

  it('malformed JSON is a 400 and the app keeps serving', async () => {
    await request(app.getHttpServer()).post('/cats').set('Content-Type', 'application/json').send('{"name":').expect(400);
    await request(app.getHttpServer()).get('/cats').expect(200);
  });

  it('DELETE answers 204 and the cat is gone', async () => {
    await request(app.getHttpServer()).post('/cats').send({ name: 'Tom', age: 3, breed: 'Siamese' }).expect(201);
    await request(app.getHttpServer()).delete('/cats/1').expect(204).expect('');
    await request(app.getHttpServer()).get('/cats/1').expect(404);
  });

  it('unknown routes answer NestJS 404 bodies', () => {
    return request(app.getHttpServer())
      .get('/dogs')
      .expect(404)
      .expect({ message: 'Cannot GET /dogs', error: 'Not Found', statusCode: 404 });
  });

  it('the service can be replaced with overrideProvider', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(CatsService)
      .useValue({ findAll: () => [{ id: 7, name: 'Mock', age: 1, breed: 'Test' }] })
      .compile();
    const mocked = moduleRef.createNestApplication({ logger: false });
    await mocked.init();
    await request(mocked.getHttpServer()).get('/cats').expect(200).expect([{ id: 7, name: 'Mock', age: 1, breed: 'Test' }]);
    await mocked.close();
  });

  it('works against a listening app too', async () => {
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await request(app.getHttpServer()).get('/').expect(200, 'Hello World!');
    const res = await fetch(`${url}/cats`);
    expect(res.status).toBe(200);
  });
});

import type { INestApplication } from '@armature/core';
import { Test } from '@armature/testing';
import request from 'supertest';
import { {{className}}Module } from './{{fileName}}.module';

// Through HTTP, so that the schemas and pipes the routes declare are part of what is tested.
describe('{{className}}Controller', () => {
  let app: INestApplication;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [{{className}}Module],
    }).compile();

    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it('creates, lists, finds, updates and removes', async () => {
    const server = app.getHttpServer();
    const created = await request(server).post('/{{fileName}}').send({ name: 'first' }).expect(201);
    expect(created.body).toEqual({ id: 1, name: 'first' });

    await request(server).get('/{{fileName}}').expect(200).expect([created.body]);
    await request(server).get('/{{fileName}}/1').expect(200).expect(created.body);
    await request(server).patch('/{{fileName}}/1').send({ name: 'renamed' }).expect(200).expect({ id: 1, name: 'renamed' });
    await request(server).delete('/{{fileName}}/1').expect(204);
    await request(server).get('/{{fileName}}/1').expect(404);
  });

  it('refuses a body that does not match the schema with a 400', async () => {
    const server = app.getHttpServer();
    const response = await request(server).post('/{{fileName}}').send({ name: '' }).expect(400);
    expect(Array.isArray(response.body.message)).toBe(true);
    await request(server).post('/{{fileName}}').send({ name: 'ok', extra: true }).expect(400);
  });

  it('refuses an id that is not a number with a 400', () => {
    return request(app.getHttpServer()).get('/{{fileName}}/abc').expect(400);
  });
});

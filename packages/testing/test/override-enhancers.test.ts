import request from 'supertest';
import { CanActivate, Controller, Get, Injectable, Module, UseGuards, type INestApplication } from '@armature/core';
import { Test } from '@armature/testing';

@Injectable()
class Database {
  isAdmin() {
    return false;
  }
}

@Injectable()
class AdminGuard implements CanActivate {
  constructor(private readonly db: Database) {}
  canActivate() {
    return this.db.isAdmin();
  }
}

@Controller('admin')
@UseGuards(AdminGuard)
class AdminController {
  @Get()
  panel() {
    return { panel: true };
  }
}

@Module({ controllers: [AdminController], providers: [Database] })
class AdminModule {}

describe('testing module enhancer overrides', () => {
  let app: INestApplication;
  afterEach(() => app?.close());

  it('the real guard refuses', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AdminModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await request(app.getHttpServer()).get('/admin').expect(403);
  });

  it('overrideGuard(...).useValue replaces the guard', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AdminModule] })
      .overrideGuard(AdminGuard)
      .useValue({ canActivate: () => true })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await request(app.getHttpServer()).get('/admin').expect(200, { panel: true });
  });

  it('overriding the guard’s dependency works too', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AdminModule] })
      .overrideProvider(Database)
      .useValue({ isAdmin: () => true })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await request(app.getHttpServer()).get('/admin').expect(200);
  });
});

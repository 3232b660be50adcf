import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './support/run-cli';
import { PACKAGE_JSON, makeProject, removeProject } from './support/temp-project';

const CATS = `import { Body, Controller, Get, Injectable, Module, Param, Post } from '@armature/core';

@Injectable()
export class CatsService {
  findAll(): string[] {
    return [];
  }
}

@Controller('cats')
export class CatsController {
  constructor(private readonly cats: CatsService) {}

  @Get()
  findAll(): string[] {
    return this.cats.findAll();
  }

  @Get(':id')
  findOne(@Param('id') id: string): string {
    return id;
  }

  @Post()
  create(@Body() body: unknown): unknown {
    return body;
  }
}

@Controller({ path: 'admin', host: 'admin.example.com' })
export class AdminController {
  @Get('stats')
  stats(): object {
    return {};
  }
}

@Module({ controllers: [CatsController, AdminController], providers: [CatsService] })
export class CatsModule {}
`;

const APP_MODULE = `import { Controller, Get, Module } from '@armature/core';
import { CatsModule } from './cats';

@Controller()
export class AppController {
  @Get()
  hello(): string {
    // Application output must not reach the listing on stdout.
    console.log('side effect while loading');
    return 'Hello';
  }
}

console.log('module loaded');

@Module({ imports: [CatsModule], controllers: [AppController] })
export class RootModule {}
`;

// Loads the TypeScript sources through swc: the fixture lives inside the repository so that
// @armature/core and @swc/core resolve to the workspace's.
describe('armature routes', () => {
  let dir: string;

  beforeAll(() => {
    dir = makeProject(
      {
        'package.json': PACKAGE_JSON,
        'armature.json': JSON.stringify({ appModule: { path: 'src/app.module.ts', export: 'RootModule' } }),
        'src/cats.ts': CATS,
        'src/app.module.ts': APP_MODULE,
      },
      { insideRepo: true },
    );
  });

  afterAll(() => removeProject(dir));

  it('prints the compiled route table without listening', async () => {
    const run = await runCli(['routes'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+HANDLER\s+HOST\s+MODULE$/);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET\s+\/cats\s+CatsController#findAll\s+CatsModule$/),
        expect.stringMatching(/^GET\s+\/cats\/:id\s+CatsController#findOne\s+CatsModule$/),
        expect.stringMatching(/^POST\s+\/cats\s+CatsController#create\s+CatsModule$/),
        expect.stringMatching(/^GET\s+\/admin\/stats\s+AdminController#stats\s+admin\.example\.com\s+CatsModule$/),
        expect.stringMatching(/^GET\s+\/\s+AppController#hello\s+RootModule$/),
      ]),
    );
    expect(lines).toHaveLength(6);
    expect(run.stderr).toContain('5 routes in RootModule');
    expect(run.stderr).toContain('module loaded');
  });

  it('--json prints only JSON on stdout', async () => {
    const run = await runCli(['routes', '--json', '--global-prefix', 'api'], { cwd: dir });
    expect(run.code).toBe(0);
    const routes = JSON.parse(run.stdout);
    expect(routes).toContainEqual({ method: 'GET', path: '/api/cats/:id', handler: 'CatsController#findOne', module: 'CatsModule' });
    expect(routes).toContainEqual({ method: 'GET', path: '/api/admin/stats', handler: 'AdminController#stats', module: 'CatsModule', host: 'admin.example.com' });
    expect(routes).toHaveLength(5);
  });

  it('--module and --export load another module', async () => {
    const run = await runCli(['routes', '--json', '--module', 'src/cats.ts', '--export', 'CatsModule'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((route: { handler: string }) => route.handler)).not.toContain('AppController#hello');
  });

  it('explains a missing module file and a wrong export name', async () => {
    const missing = await runCli(['routes', '--module', 'src/nope.module.ts'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The application module src/nope.module.ts does not exist');
    expect(missing.stderr).toContain('armature.json');

    const wrongExport = await runCli(['routes', '--export', 'AppModule'], { cwd: dir });
    expect(wrongExport.code).toBe(1);
    expect(wrongExport.stderr).toContain('does not export a class named AppModule (it exports AppController, RootModule)');
  });

  it('reports an application that cannot boot', async () => {
    writeFileSync(
      path.join(dir, 'src/broken.module.ts'),
      `import { Controller, Injectable, Module } from '@armature/core';\n@Injectable()\nexport class Missing {}\n@Controller()\nexport class NeedsMissing {\n  constructor(readonly missing: Missing) {}\n}\n@Module({ controllers: [NeedsMissing] })\nexport class BrokenModule {}\n`,
    );
    const run = await runCli(['routes', '--module', 'src/broken.module.ts', '--export', 'BrokenModule'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The application could not be initialised');
    expect(run.stderr).toContain('Missing');
  });
});

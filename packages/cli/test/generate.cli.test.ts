import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './support/run-cli';
import { APP_CONTROLLER, APP_MODULE, PACKAGE_JSON, makeProject, removeProject, snapshot } from './support/temp-project';

describe('armature generate', () => {
  let dir: string;
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const generate = (...args: string[]) => runCli(['generate', ...args], { cwd: dir });

  beforeEach(() => {
    dir = makeProject({ 'package.json': PACKAGE_JSON, 'src/app.module.ts': APP_MODULE, 'src/app.controller.ts': APP_CONTROLLER });
  });

  afterEach(() => removeProject(dir));

  it('creates a controller with its spec and registers it in the root module', async () => {
    const run = await generate('controller', 'cats');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('CREATE src/cats/cats.controller.ts');
    expect(run.stderr).toContain('CREATE src/cats/cats.controller.spec.ts');
    expect(run.stderr).toContain('UPDATE src/app.module.ts');
    expect(read('src/cats/cats.controller.ts')).toContain("@Controller('cats')\nexport class CatsController {");
    expect(read('src/app.module.ts')).toBe(
      APP_MODULE.replace("import { AppController } from './app.controller';", "import { AppController } from './app.controller';\nimport { CatsController } from './cats/cats.controller';").replace(
        'controllers: [AppController],',
        'controllers: [AppController, CatsController],',
      ),
    );
  });

  it('registers in the nearest module: a feature module beats the root module', async () => {
    expect((await generate('module', 'cats')).code).toBe(0);
    expect(read('src/app.module.ts')).toContain('imports: [CatsModule]');
    expect((await generate('service', 'cats')).code).toBe(0);
    expect((await generate('s', 'cats/grooming')).code).toBe(0);
    expect(read('src/cats/cats.module.ts')).toBe(
      "import { Module } from '@armature/core';\nimport { CatsService } from './cats.service';\nimport { GroomingService } from './grooming/grooming.service';\n\n@Module({ providers: [CatsService, GroomingService] })\nexport class CatsModule {}\n",
    );
    expect(read('src/app.module.ts')).not.toContain('Service');
  });

  it('normalises names as NestJS does: kebab-case files, PascalCase classes, folders kept', async () => {
    expect((await generate('co', 'admin/UserProfile')).code).toBe(0);
    expect(read('src/admin/user-profile/user-profile.controller.ts')).toContain('export class UserProfileController');
    expect((await generate('service', 'BillingAccountsService')).code).toBe(0);
    expect(read('src/billing-accounts/billing-accounts.service.ts')).toContain('export class BillingAccountsService');
  });

  it('honours --flat, --no-spec and --path', async () => {
    expect((await generate('service', 'mailer', '--flat', '--no-spec', '--path', 'shared')).code).toBe(0);
    expect(existsSync(path.join(dir, 'src/shared/mailer.service.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'src/shared/mailer.service.spec.ts'))).toBe(false);
    expect(read('src/app.module.ts')).toContain("import { MailerService } from './shared/mailer.service';");
  });

  it('puts guards, pipes, filters and interceptors flat, unregistered, and says how to bind them', async () => {
    const run = await generate('guard', 'auth');
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'src/auth.guard.ts'))).toBe(true);
    expect(read('src/auth.guard.ts')).toContain('export class AuthGuard implements CanActivate');
    expect(read('src/app.module.ts')).toBe(APP_MODULE);
    expect(run.stderr).toContain('@UseGuards(AuthGuard)');
    expect((await generate('interceptor', 'logging', '--no-flat')).code).toBe(0);
    expect(existsSync(path.join(dir, 'src/logging/logging.interceptor.ts'))).toBe(true);
  });

  it('generates a whole resource and imports its module', async () => {
    const run = await generate('resource', 'cats');
    expect(run.code).toBe(0);
    for (const file of [
      'cats.module.ts',
      'cats.controller.ts',
      'cats.controller.spec.ts',
      'cats.service.ts',
      'cats.service.spec.ts',
      'dto/create-cat.dto.ts',
      'dto/update-cat.dto.ts',
      'entities/cat.entity.ts',
    ]) {
      expect(existsSync(path.join(dir, 'src/cats', file))).toBe(true);
    }
    expect(read('src/cats/dto/create-cat.dto.ts')).toContain('export class CreateCatDto extends SchemaDto(CreateCatSchema) {}');
    expect(read('src/app.module.ts')).toContain('imports: [CatsModule]');
  });

  it('--dry-run prints the tree and the diffs and writes nothing', async () => {
    const before = snapshot(dir);
    const run = await generate('controller', 'cats', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('└─ src/');
    expect(run.stdout).toMatch(/cats\.controller\.ts {2}\(create\)/);
    expect(run.stdout).toMatch(/app\.module\.ts {2}\(update\)/);
    expect(run.stdout).toContain('--- a/src/app.module.ts');
    expect(run.stdout).toContain("+import { CatsController } from './cats/cats.controller';");
    expect(run.stdout).toContain('-  controllers: [AppController],\n+  controllers: [AppController, CatsController],');
    expect(run.stderr).toContain('nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to overwrite without --force, and --force does not register twice', async () => {
    expect((await generate('service', 'cats')).code).toBe(0);
    writeFileSync(path.join(dir, 'src/cats/cats.service.ts'), '// edited by hand\n');
    const before = snapshot(dir);

    const refused = await generate('service', 'cats');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2 files of this service already exist: src/cats/cats.service.ts, src/cats/cats.service.spec.ts');
    expect(refused.stderr).toContain('--force');
    expect(snapshot(dir)).toEqual(before);

    const forced = await generate('service', 'cats', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('OVERWRITE src/cats/cats.service.ts');
    expect(read('src/cats/cats.service.ts')).toContain('export class CatsService');
    expect(read('src/app.module.ts').match(/CatsService/g)).toHaveLength(2);
  });

  it('refuses a class name the module already uses for something else', async () => {
    writeFileSync(path.join(dir, 'src/app.module.ts'), APP_MODULE.replace("import { AppController } from './app.controller';", "import { AppController } from './app.controller';\nimport { CatsService } from './legacy';"));
    const before = snapshot(dir);
    const run = await generate('service', 'cats');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("already imports a CatsService from './legacy'");
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves no file behind when the module cannot be parsed', async () => {
    writeFileSync(path.join(dir, 'src/app.module.ts'), "import { Module } from '@armature/core';\n@Module({ providers: [ })\nexport class AppModule {}\n");
    const before = snapshot(dir);
    const run = await generate('resource', 'cats');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Cannot parse src\/app.module.ts: .+ \(line 2, column \d+\)/);
    expect(run.stderr).toContain('--skip-import');
    expect(snapshot(dir)).toEqual(before);

    const skipped = await generate('service', 'cats', '--skip-import');
    expect(skipped.code).toBe(0);
    expect(existsSync(path.join(dir, 'src/cats/cats.service.ts'))).toBe(true);
  });

  it('names the unknown schematic and suggests the closest one', async () => {
    const run = await generate('contoller', 'cats');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown schematic "contoller". Did you mean "controller"?');
    expect(run.stderr).toContain('resource');
  });

  it('says what to do outside a project', async () => {
    const outside = makeProject({});
    try {
      const run = await runCli(['g', 'service', 'cats'], { cwd: outside });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('must run inside an Armature project');
      expect(run.stderr).toContain('armature new my-app');
      expect(snapshot(outside)).toEqual({});
    } finally {
      removeProject(outside);
    }
    expect(path.relative(tmpdir(), outside).startsWith('..')).toBe(false);
  });
});

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './support/run-cli';
import { makeProject, removeProject, snapshot } from './support/temp-project';

// Scaffolding only (--skip-install); installing, building and testing a generated app is new-app.e2e.test.ts.
describe('armature new', () => {
  let cwd: string;
  const read = (file: string) => readFileSync(path.join(cwd, file), 'utf8');

  beforeEach(() => {
    cwd = makeProject({});
  });

  afterEach(() => removeProject(cwd));

  it('scaffolds a NestJS-shaped application', async () => {
    const run = await runCli(['new', 'My Shop', '--skip-install'], { cwd });
    expect(run.code).toBe(0);
    const files = Object.keys(snapshot(path.join(cwd, 'my-shop'))).sort();
    expect(files).toEqual([
      '.gitignore',
      'README.md',
      'armature.json',
      'jest.config.js',
      'package.json',
      'src/app.controller.spec.ts',
      'src/app.controller.ts',
      'src/app.module.ts',
      'src/app.service.ts',
      'src/main.ts',
      'test/app.e2e-spec.ts',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
    const pkg = JSON.parse(read('my-shop/package.json'));
    expect(pkg.name).toBe('my-shop');
    expect(pkg.dependencies['@armature/core']).toBe(`^${require('../package.json').version}`);
    expect(pkg.devDependencies.typescript).toBe('~5.9.3');
    expect(pkg.scripts['start:dev']).toBe('armature start --watch');
    const tsconfig = JSON.parse(read('my-shop/tsconfig.json'));
    expect(tsconfig.compilerOptions).toMatchObject({ experimentalDecorators: true, emitDecoratorMetadata: true, strictNullChecks: false });
    expect(run.stderr).toContain('CREATE src/main.ts');
    expect(run.stderr).toContain('npm install');
  });

  it('--strict turns on TypeScript strict mode', async () => {
    expect((await runCli(['new', 'api', '--skip-install', '--strict'], { cwd })).code).toBe(0);
    const { compilerOptions } = JSON.parse(read('api/tsconfig.json'));
    expect(compilerOptions.strict).toBe(true);
    expect(compilerOptions.strictNullChecks).toBeUndefined();
  });

  it('--micro uses the function-first template', async () => {
    expect((await runCli(['new', 'tiny', '--skip-install', '--micro', '--package-manager', 'pnpm'], { cwd })).code).toBe(0);
    expect(read('tiny/src/main.ts')).toContain("import { App, get } from '@armature/core';");
    expect(existsSync(path.join(cwd, 'tiny/src/app.module.ts'))).toBe(false);
    const pkg = JSON.parse(read('tiny/package.json'));
    expect(pkg.scripts.routes).toBeUndefined();
    expect(pkg.devDependencies.supertest).toBeUndefined();
    expect(read('tiny/README.md')).toContain('pnpm start:dev');
  });

  it('refuses a folder that exists and is not empty, writing nothing', async () => {
    mkdirSync(path.join(cwd, 'taken'));
    writeFileSync(path.join(cwd, 'taken/notes.txt'), 'mine');
    const run = await runCli(['new', 'taken', '--skip-install'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The folder taken already exists and is not empty');
    expect(snapshot(cwd)).toEqual({ 'taken/notes.txt': 'mine' });
  });

  it('refuses invalid names, unknown package managers and a bad --link, leaving nothing behind', async () => {
    const badName = await runCli(['new', '42', '--skip-install'], { cwd });
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('cannot be a project name');

    const badManager = await runCli(['new', 'app', '--package-manager', 'bun'], { cwd });
    expect(badManager.code).toBe(1);
    expect(badManager.stderr).toContain('Allowed choices are npm, pnpm, yarn');

    const badLink = await runCli(['new', 'app', '--skip-install', '--link', path.join(cwd, 'missing-checkout')], { cwd });
    expect(badLink.code).toBe(1);
    expect(badLink.stderr).toContain('does not exist');
    expect(snapshot(cwd)).toEqual({});
  });
});

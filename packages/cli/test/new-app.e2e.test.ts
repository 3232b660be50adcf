import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { SCHEMATICS } from '@armature/cli';
import { freePort, waitForBody } from './support/http';
import { plainEnv, runCli, type CliRun } from './support/run-cli';
import { TEMPLATES_DIR, missingApis } from './support/template-coverage';
import { REPO_ROOT, makeProject, removeProject } from './support/temp-project';

// The nested npm and jest must not think they are part of this jest run.
const APP_ENV = plainEnv({ JEST_WORKER_ID: undefined, npm_config_prefer_offline: 'true' });

function run(command: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: APP_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Names to generate each schematic under, chosen so that they also exercise nearest-module registration. */
const PROBE_NAMES: Record<string, string> = {
  module: 'inventory',
  controller: 'inventory',
  service: 'inventory',
  guard: 'auth',
  interceptor: 'envelope',
  pipe: 'trimmed-name',
  filter: 'http-error',
  middleware: 'request-stamp',
  gateway: 'events',
  resource: 'cats',
};

// One generated application, installed once (from the npm cache where it can), shared by every
// assertion: the install is what costs; each step after it takes seconds.
describe('armature new --link: a generated app installs, builds, passes its tests and serves', () => {
  let workDir: string;
  let appDir: string;
  let created: CliRun;
  const appCli = (args: readonly string[]) => run(process.execPath, [path.join(appDir, 'node_modules/@armature/cli/bin/armature.js'), ...args], appDir);

  beforeAll(async () => {
    workDir = makeProject({});
    appDir = path.join(workDir, 'demo');
    created = await runCli(['new', 'demo', '--link', REPO_ROOT, '--strict', '--package-manager', 'npm'], { cwd: workDir, env: APP_ENV, timeoutMs: 300_000 });
  }, 310_000);

  afterAll(() => removeProject(workDir));

  it('packs the local packages and installs real copies of them', () => {
    expect(created.stderr).toContain('Installed dependencies with npm');
    expect(created.code).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8'));
    expect(pkg.dependencies['@armature/core']).toMatch(/^file:armature-packages\/armature-core-\d+\.\d+\.\d+\.tgz$/);
    expect(pkg.devDependencies['@armature/cli']).toMatch(/^file:armature-packages\/armature-cli-/);
    // Copies, not links into the checkout: the app stands on its own.
    expect(lstatSync(path.join(appDir, 'node_modules/@armature/core')).isSymbolicLink()).toBe(false);
  });

  it('builds with its own `armature build`', async () => {
    const build = await run('npm', ['run', 'build'], appDir);
    expect(build.code).toBe(0);
    expect(existsSync(path.join(appDir, 'dist/main.js'))).toBe(true);
    expect(existsSync(path.join(appDir, 'dist/app.controller.spec.js'))).toBe(false);
  }, 120_000);

  it('passes its own unit and e2e tests', async () => {
    const test = await run('npm', ['test'], appDir);
    expect(test.code).toBe(0);
    expect(test.stderr).toMatch(/Tests:\s+3 passed, 3 total/);
  }, 120_000);

  // `armature start` (build, then run) has its own test; here the build above runs as `start:prod` runs it.
  it('answers 200 from the build, and stops on SIGTERM', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, ['dist/main.js'], { cwd: appDir, env: { ...APP_ENV, PORT: String(port) }, stdio: 'ignore' });
    try {
      const answer = await waitForBody(`http://127.0.0.1:${port}/`, (_body, status) => status === 200, 30_000);
      expect(answer.body).toBe('Hello World!');
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  }, 60_000);

  it('lists its routes from the sources and from the build', async () => {
    const expected = [{ method: 'GET', path: '/', handler: 'AppController#getHello', module: 'AppModule' }];
    const fromSources = await appCli(['routes', '--json']);
    expect(fromSources.code).toBe(0);
    expect(JSON.parse(fromSources.stdout)).toEqual(expected);
    const fromBuild = await appCli(['routes', '--json', '--compiled']);
    expect(JSON.parse(fromBuild.stdout)).toEqual(expected);
  }, 60_000);

  it('type-checks and passes the specs of every schematic, and of the micro template', async () => {
    // Gateways come from @armature/websocket, which a new app does not depend on: add it as a user would.
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', path.join(appDir, 'armature-packages'), path.join(REPO_ROOT, 'packages/websocket')], appDir);
    expect(packed.code).toBe(0);
    const tarball = `armature-packages/${packed.stdout.trim().split('\n').pop()}`;
    expect((await run('npm', ['install', '--no-audit', '--no-fund', `./${tarball}`], appDir, 180_000)).code).toBe(0);

    for (const schematic of SCHEMATICS) {
      const templateDir = path.join(TEMPLATES_DIR, 'schematics', schematic.template);
      expect({ schematic: schematic.name, missing: missingApis(appDir, templateDir) }).toEqual({ schematic: schematic.name, missing: [] });
      const generated = await appCli(['generate', schematic.name, PROBE_NAMES[schematic.name]!]);
      expect({ schematic: schematic.name, code: generated.code, stderr: generated.stderr }).toMatchObject({ code: 0 });
    }
    expect(missingApis(appDir, path.join(TEMPLATES_DIR, 'application/micro'))).toEqual([]);
    const microDir = path.join(workDir, 'micro-check');
    expect((await runCli(['new', 'micro-check', '--micro', '--skip-install'], { cwd: workDir })).code).toBe(0);
    symlinkSync(path.join(appDir, 'node_modules'), path.join(microDir, 'node_modules'), 'dir');

    const tsc = path.join(appDir, 'node_modules/typescript/bin/tsc');
    const typecheck = await run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], appDir);
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.code).toBe(0);

    const jest = path.join(appDir, 'node_modules/jest/bin/jest.js');
    const specs = await run(process.execPath, [jest, '--testPathPatterns', 'src/(?!app\\.)'], appDir);
    expect({ code: specs.code, output: specs.stderr.slice(-3000) }).toMatchObject({ code: 0 });
    expect(specs.stderr).toMatch(/Tests:\s+\d+ passed/);

    const microTypecheck = await run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], microDir);
    expect(microTypecheck.stdout + microTypecheck.stderr).toBe('');
    const microSpecs = await run(process.execPath, [jest], microDir);
    expect({ code: microSpecs.code, output: microSpecs.stderr.slice(-3000) }).toMatchObject({ code: 0 });
    expect(microSpecs.stderr).toMatch(/Tests:\s+2 passed/);

    // The micro app builds with the CLI and serves its routes.
    const microBuild = await run(process.execPath, [path.join(appDir, 'node_modules/@armature/cli/bin/armature.js'), 'build'], microDir);
    expect({ code: microBuild.code, stderr: microBuild.stderr }).toMatchObject({ code: 0 });
    const port = await freePort();
    const server = spawn(process.execPath, ['dist/main.js'], { cwd: microDir, env: { ...APP_ENV, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    try {
      const answer = await waitForBody(`http://127.0.0.1:${port}/hello/Ada`, (_body, status) => status === 200, 30_000);
      expect(JSON.parse(answer.body)).toEqual({ message: 'Hello Ada!' });
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  }, 300_000);
});

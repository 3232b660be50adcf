import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './support/run-cli';
import { PACKAGE_JSON, makeProject, removeProject } from './support/temp-project';

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'commonjs', target: 'ES2022', strict: true, outDir: './dist', rootDir: './src', types: ['node'], skipLibCheck: true },
  include: ['src'],
});

// Inside the repository so that the workspace's TypeScript is the project's.
describe('armature build and armature start', () => {
  let dir: string;

  beforeAll(() => {
    dir = makeProject(
      {
        'package.json': PACKAGE_JSON,
        'tsconfig.json': TSCONFIG,
        'src/main.ts': "const answer: number = 42;\nconsole.log(`started with ${answer}`);\nprocess.exitCode = 3;\n",
      },
      { insideRepo: true },
    );
  });

  afterAll(() => removeProject(dir));

  it('builds with the project tsc into a clean outDir (tsconfig.json when there is no tsconfig.build.json)', async () => {
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/deleted-source.js'), 'stale');
    const run = await runCli(['build'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Built dist\/ \(\d+ ms\)/);
    expect(existsSync(path.join(dir, 'dist/main.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist/deleted-source.js'))).toBe(false);
  }, 70_000);

  it('start builds, runs the entry, and exits with its exit code', async () => {
    const run = await runCli(['start'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.stdout).toContain('started with 42');
    expect(run.code).toBe(3);
  }, 70_000);

  it('a type error fails the build with the compiler message and exit code 1', async () => {
    writeFileSync(path.join(dir, 'src/main.ts'), "const answer: number = 'forty-two';\n");
    const run = await runCli(['build'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('TS2322');
    expect(run.stderr).toContain('The build failed: TypeScript reported the errors above.');
  }, 70_000);
});

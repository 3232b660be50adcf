import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.join(__dirname, '../..');

// Loads the *built* packages (npm test builds first) from an ESM and a CommonJS application.
const app = (importLine: string) => `
${importLine}
class HelloController { hello() { return { ok: true, nest: NestFactory === ArmatureFactory }; } }
Reflect.decorate([Get('hello')], HelloController.prototype, 'hello', Object.getOwnPropertyDescriptor(HelloController.prototype, 'hello'));
Reflect.decorate([Controller()], HelloController);
class AppModule {}
Reflect.decorate([Module({ controllers: [HelloController] })], AppModule);
const main = async () => {
  const app = await ArmatureFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const res = await fetch((await app.getUrl()) + '/hello');
  console.log(JSON.stringify(await res.json()));
  await app.close();
};
main();
`;

describe('packaging', () => {
  // Inside the repo so that ESM resolution (which ignores NODE_PATH) finds node_modules/@armature.
  mkdirSync(path.join(repoRoot, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(repoRoot, 'node_modules/.cache/armature-pkg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['ESM', 'app.mjs', "import { ArmatureFactory, NestFactory, Controller, Get, Module } from '@armature/core';"],
    ['CommonJS', 'app.cjs', "const { ArmatureFactory, NestFactory, Controller, Get, Module } = require('@armature/core');"],
  ])('loads from a %s application', async (_kind, file, importLine) => {
    const entry = path.join(dir, file);
    writeFileSync(entry, app(importLine));
    const { stdout } = await run(process.execPath, [entry], { cwd: repoRoot });
    expect(JSON.parse(stdout.trim())).toEqual({ ok: true, nest: true });
  });

  it('ships type declarations', async () => {
    const pkg = require(path.join(repoRoot, 'packages/core/package.json'));
    expect(pkg.types).toBe('dist/index.d.ts');
    expect(require('node:fs').existsSync(path.join(repoRoot, 'packages/core', pkg.types))).toBe(true);
  });
});

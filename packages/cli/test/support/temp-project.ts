import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '../../../..');

/**
 * A throwaway project. `insideRepo` puts it under the repository's node_modules/.cache so that
 * `@armature/core` and `@swc/core` resolve to the workspace's (for commands that load the app);
 * otherwise it is in the system temp folder, away from any node_modules.
 */
export function makeProject(files: Record<string, string>, options: { insideRepo?: boolean } = {}): string {
  const parent = options.insideRepo === true ? path.join(REPO_ROOT, 'node_modules/.cache') : tmpdir();
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'armature-cli-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` with its content: equal snapshots mean nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else result[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return result;
}

export const PACKAGE_JSON = JSON.stringify({ name: 'fixture-app', private: true, dependencies: { '@armature/core': '0.1.0' } }, null, 2);

export const APP_MODULE = `import { Module } from '@armature/core';
import { AppController } from './app.controller';

@Module({
  imports: [],
  controllers: [AppController],
  providers: [],
})
export class AppModule {}
`;

export const APP_CONTROLLER = `import { Controller, Get } from '@armature/core';

@Controller()
export class AppController {
  @Get()
  getHello(): string {
    return 'Hello World!';
  }
}
`;

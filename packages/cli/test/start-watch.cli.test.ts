import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, isRunning, waitForBody, waitUntil } from './support/http';
import { CLI_BIN, plainEnv } from './support/run-cli';
import { PACKAGE_JSON, makeProject, removeProject } from './support/temp-project';

const MAIN = `import { ArmatureFactory } from '@armature/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await ArmatureFactory.create(AppModule, { logger: false });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}
void bootstrap();
`;

const controller = (version: string) => `import { Controller, Get } from '@armature/core';
import { VersionService } from './version.service';

@Controller()
export class AppController {
  constructor(private readonly versions: VersionService) {}

  @Get()
  get(): string {
    return this.versions.describe('${version}');
  }
}
`;

// A constructor dependency: the restarted app must still have its decorator metadata (swc emits it).
const SERVICE = `import { Injectable } from '@armature/core';

@Injectable()
export class VersionService {
  describe(version: string): string {
    return version + ':' + process.pid;
  }
}
`;

const APP_MODULE = `import { Module } from '@armature/core';
import { AppController } from './app.controller';
import { VersionService } from './version.service';

@Module({ controllers: [AppController], providers: [VersionService] })
export class AppModule {}
`;

describe('armature start --watch', () => {
  let dir: string;
  let cli: ChildProcess | undefined;
  let output = '';

  beforeAll(() => {
    dir = makeProject(
      { 'package.json': PACKAGE_JSON, 'src/main.ts': MAIN, 'src/app.module.ts': APP_MODULE, 'src/app.controller.ts': controller('v1'), 'src/version.service.ts': SERVICE },
      { insideRepo: true },
    );
  });

  afterAll(() => {
    if (cli?.exitCode === null) cli.kill('SIGKILL');
    removeProject(dir);
  });

  it('runs the sources, restarts within a second of a change, survives a crash and stops cleanly', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    cli = spawn(process.execPath, [CLI_BIN, 'start', '--watch'], { cwd: dir, env: plainEnv({ PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
    cli.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const first = await waitForBody(url, (body) => body.startsWith('v1:'), 20_000);
    const firstPid = Number(first.body.split(':')[1]);
    // Give the warm standby time to load, as it has between two edits by a person.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const changedAt = Date.now();
    writeFileSync(path.join(dir, 'src/app.controller.ts'), controller('v2'));
    const second = await waitForBody(url, (body) => body.startsWith('v2:'), 5_000);
    const restartMs = Date.now() - changedAt;
    process.stdout.write(`start --watch: change to new answer in ${restartMs} ms\n`);
    expect(restartMs).toBeLessThan(1_000);
    expect(Number(second.body.split(':')[1])).not.toBe(firstPid);
    expect(isRunning(firstPid)).toBe(false);
    expect(output).toContain('src/app.controller.ts changed: restarting');

    // A broken save stops the app; the next good save brings it back.
    writeFileSync(path.join(dir, 'src/app.controller.ts'), 'export class AppController {');
    await waitUntil(() => /the application exited with code [1-9]\d*; waiting for a change/.test(output), 5_000);
    writeFileSync(path.join(dir, 'src/app.controller.ts'), controller('v3'));
    const third = await waitForBody(url, (body) => body.startsWith('v3:'), 5_000);

    const exited = new Promise<number | null>((resolve) => cli!.once('exit', resolve));
    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(isRunning(Number(third.body.split(':')[1]))).toBe(false);
  }, 60_000);
});

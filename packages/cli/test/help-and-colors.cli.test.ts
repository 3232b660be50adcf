import { tmpdir } from 'node:os';
import { plainEnv, runCli } from './support/run-cli';

const ANSI = /\x1b\[\d+m/;

describe('armature --help, --version and colours', () => {
  const cwd = tmpdir();

  it('lists every command', async () => {
    const run = await runCli(['--help'], { cwd });
    expect(run.code).toBe(0);
    for (const command of ['new', 'generate|g', 'start', 'build', 'routes', 'info']) expect(run.stdout).toContain(command);
  });

  it.each([
    ['new', ['--package-manager', '--skip-install', '--micro', '--strict', '--link']],
    ['generate', ['--dry-run', '--flat', '--no-spec', '--path', '--force', '--skip-import', 'resource']],
    ['start', ['--watch']],
    ['build', ['type-check']],
    ['routes', ['--json', '--module', '--export', '--compiled', '--global-prefix']],
    ['info', ['--json']],
  ])('armature %s --help documents its options', async (command, options) => {
    const run = await runCli([command, '--help'], { cwd });
    expect(run.code).toBe(0);
    for (const option of options) expect(run.stdout).toContain(option);
  });

  it('prints its version', async () => {
    const run = await runCli(['--version'], { cwd });
    expect(run.stdout.trim()).toBe(require('../package.json').version);
  });

  it('rejects an unknown command with a suggestion and exit code 1', async () => {
    const run = await runCli(['generat'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown command 'generat'");
    expect(run.stderr).toContain('generate');
  });

  it('colours when forced, and NO_COLOR wins over FORCE_COLOR', async () => {
    const forced = await runCli(['g', 'nope', 'x'], { cwd, env: plainEnv({ NO_COLOR: undefined, FORCE_COLOR: '1' }) });
    expect(forced.stderr).toMatch(ANSI);
    const plain = await runCli(['g', 'nope', 'x'], { cwd, env: plainEnv({ FORCE_COLOR: '1', NO_COLOR: '1' }) });
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(ANSI);
    const flag = await runCli(['g', 'nope', 'x', '--no-color'], { cwd, env: plainEnv({ NO_COLOR: undefined, FORCE_COLOR: '1' }) });
    expect(flag.stderr).not.toMatch(ANSI);
  });
});

import { tmpdir } from 'node:os';
import { runCli } from './support/run-cli';
import { REPO_ROOT } from './support/temp-project';

describe('armature info', () => {
  it('reports the Armature packages, Node, the platform and the uWS binary', async () => {
    const run = await runCli(['info', '--json'], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info.node).toBe(process.version);
    expect(info.platform).toBe(`${process.platform} ${process.arch}`);
    expect(info.packages['@armature/core']).toBe(require('../../core/package.json').version);
    expect(info.packages['@armature/cli']).toBe(require('../package.json').version);
    expect(info.uws.binary).toBe(`uws_${process.platform}_${process.arch}_${process.versions.modules}.node`);
    // Whatever this machine can load, the answer comes from @armature/platform-uws itself.
    const { uwsAvailability } = require('@armature/platform-uws');
    expect(info.uws.available).toBe(uwsAvailability().available);
  });

  it('prints a readable summary', async () => {
    const run = await runCli(['info'], { cwd: REPO_ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Node\.js\s+v\d+/);
    expect(run.stdout).toMatch(/@armature\/core\s+\d+\.\d+\.\d+/);
    expect(run.stdout).toContain('uWebSockets.js');
    expect(run.stdout).toMatch(/Binary\s+uws_/);
  });

  it('works outside a project, saying what is not installed', async () => {
    const run = await runCli(['info', '--json'], { cwd: tmpdir() });
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info.project).toBeNull();
    expect(info.packages['@armature/core']).toBeNull();
    expect(info.uws.available).toBeNull();
  });
});

import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.join(__dirname, '../../..');
const fixture = path.join(__dirname, 'fixtures/room-churn.ts');

interface ChurnReport {
  stats: { rooms: number; mine: number; clients: number };
  topicsLeft: number[];
  churnEchoes: number;
  heapGrowth: number;
  rssGrowth: number;
}

/**
 * 100k join/leave cycles over a real socket (each one creates and deletes a room and its uWS
 * topic) plus 100k in-process cycles with a broadcast in between, in a child process with
 * --expose-gc so that the heap can be measured after collection. Loads the built packages
 * (`npm run build` first; `npm test` does it).
 */
describe.each(['uws', 'node'])('100k join/leave cycles leave nothing behind (%s adapter)', (adapter) => {
  it('ends with no rooms, no topic subscribers and a flat heap', async () => {
    const { stdout } = await run(process.execPath, ['--expose-gc', '-r', 'ts-node/register/transpile-only', fixture, adapter], {
      cwd: repoRoot,
      env: { ...process.env, CYCLES: '100000' },
      timeout: 60_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').pop() as string) as ChurnReport;
    expect(report.stats).toEqual({ rooms: 0, mine: 0, clients: 1 });
    expect(report.topicsLeft).toEqual([0, 0, 0]);
    // Every in-process broadcast reached the one member (the room existed at that moment).
    expect(report.churnEchoes).toBe(110_000);
    // 100k leaked room names alone would be several MB; measured growth is a few KB.
    expect(report.heapGrowth).toBeLessThan(1024 * 1024);
    expect(report.rssGrowth).toBeLessThan(32 * 1024 * 1024);
  }, 90_000);
});

import { availableParallelism } from 'node:os';
import { CapturingLogger, identities, startProbeWorkers } from './worker-harness';

// The addon refuses to load (as when it could not be built): workers still run, unpinned, and the
// primary says so once. ARMATURE_CPU_AFFINITY=off is read by the addon's loader; in jest this
// process.env is the test file's own, so only the primary (this test) sees it.
describe('CPU pinning without the addon', () => {
  const previous = process.env.ARMATURE_CPU_AFFINITY;
  beforeAll(() => {
    process.env.ARMATURE_CPU_AFFINITY = 'off';
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.ARMATURE_CPU_AFFINITY;
    else process.env.ARMATURE_CPU_AFFINITY = previous;
  });

  it('serves from unpinned workers and says once that pinning is unavailable', async () => {
    const notices = (logs: CapturingLogger) => logs.lines.filter((line) => /WARN CPU pinning is unavailable \(.*ARMATURE_CPU_AFFINITY=off\): workers run unpinned/.test(line));
    const first = await startProbeWorkers({ adapter: 'uws', workers: 2, pin: true });
    try {
      const answers = await identities(first.url, 30);
      expect(new Set(answers.map((answer) => answer.threadId)).size).toBe(2);
      // The worker threads can load the addon (they do not see this file's environment): it shows they may use every CPU.
      for (const answer of answers) expect(answer.affinity).toHaveLength(availableParallelism());
      expect(notices(first.logs)).toHaveLength(1);
      expect(first.logs.has(/serving port \d+$/)).toBe(true);
    } finally {
      await first.app.close();
    }
    const second = await startProbeWorkers({ adapter: 'uws', workers: 2, pin: true });
    await second.app.close();
    expect(notices(second.logs)).toHaveLength(0);
  });
});

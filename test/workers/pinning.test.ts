import type { ArmatureApplication } from '@armature/core';
import { CapturingLogger, identities, startProbeWorkers } from './worker-harness';

// Needs @armature/cpu-affinity built (npm install builds it with node-gyp; it is optional, so
// check `ls packages/cpu-affinity/build/Release` if this fails). The unavailable case is pinning-unavailable.test.ts.
describe('CPU pinning (pin: true, addon built)', () => {
  let app: ArmatureApplication;
  let url: string;
  let logs: CapturingLogger;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const allowed: number[] = (require('@armature/cpu-affinity') as { getAffinity(): number[] }).getAffinity();

  beforeAll(async () => {
    ({ app, url, logs } = await startProbeWorkers({ adapter: 'uws', workers: 2, pin: true }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('pins worker n to the n-th CPU this process may use, one CPU per thread', async () => {
    const answers = await identities(url, 30);
    expect(new Set(answers.map((answer) => answer.threadId)).size).toBe(2);
    for (const answer of answers) {
      const index = answer.worker?.index as number;
      expect(answer.affinity).toEqual([allowed[(index - 1) % allowed.length]]);
    }
    expect(logs.has(new RegExp(`2 worker threads serving port \\d+, pinned to CPUs ${[0, 1].map((i) => allowed[i % allowed.length]).join(', ')}`))).toBe(true);
  });

  it('leaves the primary thread unpinned', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require('@armature/cpu-affinity') as { getAffinity(): number[] }).getAffinity()).toEqual(allowed);
  });
});

describe('CPU pinning by default (pin not given)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const allowed: number[] = (require('@armature/cpu-affinity') as { getAffinity(): number[] }).getAffinity();

  it('pins when the workers cover every CPU, and leaves fewer workers to the scheduler', async () => {
    const covering = await startProbeWorkers({ adapter: 'uws', workers: allowed.length });
    try {
      const answers = await identities(covering.url, 10);
      for (const answer of answers) expect(answer.affinity).toEqual([allowed[((answer.worker?.index as number) - 1) % allowed.length]]);
    } finally {
      await covering.app.close();
    }
    if (allowed.length < 2) return; // one CPU: every pool covers it
    const fewer = await startProbeWorkers({ adapter: 'uws', workers: 1 });
    try {
      const answers = await identities(fewer.url, 3);
      for (const answer of answers) expect(answer.affinity).toEqual(allowed);
      expect(fewer.logs.has(/pinned/)).toBe(false);
    } finally {
      await fewer.app.close();
    }
  });
});

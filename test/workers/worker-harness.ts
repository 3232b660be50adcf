import path from 'node:path';
import { Agent, request } from 'undici';
import type { ArmatureApplication, LoggerService } from '@armature/core';
import { startProbe, type ProbeOptions } from '../fixtures/workers/probe-app';

/** What each worker runs: the same probe app, on the adapter of the test. */
export const WORKER_ENTRIES = {
  uws: path.join(__dirname, '../fixtures/workers/uws-worker.js'),
  node: path.join(__dirname, '../fixtures/workers/node-worker.js'),
};

export interface Identity {
  threadId: number;
  pid: number;
  worker: { index: number; kind: string; generation: number } | null;
  affinity?: number[] | null;
}

/** A logger that keeps the primary's lines, to check what it says about its workers. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown): void {
    this.lines.push(`LOG ${String(message)}`);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.lines.push(`ERROR ${String(message)} ${rest.filter((r) => typeof r === 'string').join(' ')}`);
  }
  warn(message: unknown): void {
    this.lines.push(`WARN ${String(message)}`);
  }
  has(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }
}

/** Starts the probe app in worker mode from the test process, which is the primary. */
export async function startProbeWorkers(options: Omit<ProbeOptions, 'entry' | 'logger'>): Promise<{ app: ArmatureApplication; url: string; logs: CapturingLogger }> {
  const logs = new CapturingLogger();
  const app = await startProbe({ ...options, entry: WORKER_ENTRIES[options.adapter], logger: logs });
  return { app, url: await app.getUrl(), logs };
}

/**
 * Asks who serves `/whoami` over `connections` fresh connections: the kernel spreads connections,
 * not requests, between workers, so each request gets its own connection.
 */
export async function identities(url: string, connections = 40): Promise<Identity[]> {
  const answers: Identity[] = [];
  for (let i = 0; i < connections; i++) {
    const agent = new Agent({ pipelining: 0 });
    try {
      const response = await request(`${url}/whoami`, { dispatcher: agent });
      expect(response.statusCode).toBe(200);
      answers.push((await response.body.json()) as Identity);
    } finally {
      await agent.close();
    }
  }
  return answers;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Rejects with the connection error when nothing listens any more. */
export async function get(url: string): Promise<{ status: number; body: unknown }> {
  const agent = new Agent();
  try {
    const response = await request(url, { dispatcher: agent });
    return { status: response.statusCode, body: await response.body.json() };
  } finally {
    await agent.close();
  }
}

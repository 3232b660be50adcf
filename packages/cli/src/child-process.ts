import { spawn, type SpawnOptions } from 'node:child_process';

export interface CapturedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr interleaved, as a user would have seen them. */
  readonly output: string;
  readonly stdout: string;
}

/** Runs a command to completion, keeping its output for error messages instead of printing it. */
export function runCaptured(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<CapturedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output, stdout }));
  });
}

/** The last lines of a long output, for an error message. */
export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

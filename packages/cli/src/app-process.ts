import { spawn, type ChildProcess } from 'node:child_process';

/** How long a stopping application may take to close before it is killed: watch mode promises a restart within a second. */
export const STOP_GRACE_MS = 500;

export interface AppProcessOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Opens an IPC channel (for a standby process waiting to be told what to run). */
  ipc?: boolean;
}

/** One run of the user's application (or a standby for the next one) as a child process, with a clean stop. */
export class AppProcess {
  private readonly child: ChildProcess;
  /** Resolves with the exit code (128 + the signal's number for a signal) when the process is gone. */
  readonly exited: Promise<number>;
  private stopping = false;

  constructor(args: readonly string[], options: AppProcessOptions) {
    this.child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.ipc === true ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 137)));
      this.child.on('error', () => resolve(1));
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends a message over the IPC channel; false when the process is gone. */
  send(message: object): boolean {
    return this.child.connected && this.child.send(message);
  }

  /** SIGTERM (the app's shutdown hooks close the server), then SIGKILL if it is still there after the grace period. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = STOP_GRACE_MS): Promise<number> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      const code = await this.exited;
      clearTimeout(timer);
      return code;
    }
    return this.exited;
  }
}

import { join, relative } from 'node:path';
import { AppProcess } from './app-process';
import { colors, output } from './output';
import type { Project } from './project';

// The standby is started a moment after the app, so that the two do not compete for the CPU while the app boots.
const STANDBY_DELAY_MS = 300;

/**
 * Runs the application from its TypeScript sources and restarts it on demand. A restart stops the
 * running app (SIGTERM, then SIGKILL after a grace period) and hands the entry to a warm standby
 * process that already has swc and the Armature packages loaded, so the new version is up in the
 * time it takes to load the application's own files.
 */
export class DevSupervisor {
  private app: AppProcess;
  private standby?: AppProcess;
  private standbyTimer?: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly env: NodeJS.ProcessEnv;
  private readonly runtimeDir = join(__dirname, 'runtime');

  constructor(
    private readonly project: Project,
    private readonly entry: string,
  ) {
    const preload = Object.keys({ ...project.packageJson.dependencies, ...project.packageJson.devDependencies }).filter(
      (name) => name.startsWith('@armature/') && name !== '@armature/cli',
    );
    this.env = { ...process.env, ARMATURE_PROJECT_ROOT: project.root, ARMATURE_PRELOAD: preload.join(',') };
    this.app = this.watch(this.coldStart());
    this.scheduleStandby();
  }

  /** Restarts once per call, one after another: a change during a restart restarts once more, never twice at once. */
  restart(changedFile: string): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.closed) return;
      const started = Date.now();
      output.info(colors.cyan(`[armature] ${relative(this.project.root, changedFile)} changed: restarting`));
      await this.app.stop();
      this.app = this.watch(this.takeStandby() ?? this.coldStart());
      output.info(colors.dim(`[armature] previous run stopped, new one started in ${Date.now() - started} ms`));
      this.scheduleStandby();
    });
    return this.queue;
  }

  async close(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.closed = true;
    if (this.standbyTimer !== undefined) clearTimeout(this.standbyTimer);
    await this.queue;
    await Promise.all([this.app.stop(signal), this.standby?.stop('SIGKILL')]);
  }

  private watch(app: AppProcess): AppProcess {
    void app.exited.then((code) => {
      if (!app.isStopping && !this.closed) output.info(colors.yellow(`[armature] the application exited with code ${code}; waiting for a change to restart it.`));
    });
    return app;
  }

  /** A process that starts the entry from scratch: the first run, or when no standby is alive. */
  private coldStart(): AppProcess {
    return new AppProcess(['--enable-source-maps', '--require', join(this.runtimeDir, 'register.js'), this.entry], { cwd: this.project.root, env: this.env });
  }

  /** The standby, told to run the entry; undefined when there is none or it died (it is then not used). */
  private takeStandby(): AppProcess | undefined {
    const standby = this.standby;
    this.standby = undefined;
    if (standby?.send({ entry: this.entry }) === true) return standby;
    void standby?.stop('SIGKILL');
    return undefined;
  }

  private spawnStandby(): AppProcess {
    return new AppProcess(['--enable-source-maps', join(this.runtimeDir, 'standby.js')], { cwd: this.project.root, env: this.env, ipc: true });
  }

  private scheduleStandby(): void {
    this.standbyTimer = setTimeout(() => {
      if (!this.closed && this.standby === undefined) this.standby = this.spawnStandby();
    }, STANDBY_DELAY_MS);
  }
}

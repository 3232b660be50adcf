import { colors } from './output';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Progress for long steps (installing dependencies). On a terminal it animates on one line; when
 * stderr is a pipe or a CI log it prints one line when the step starts and one when it ends,
 * because a log full of carriage returns is unreadable.
 */
export class Spinner {
  private timer?: NodeJS.Timeout;
  private frame = 0;
  private startedAt = 0;
  private readonly animated: boolean;

  constructor(
    private text: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.animated = stream.isTTY === true && process.env.CI === undefined;
  }

  start(): this {
    this.startedAt = Date.now();
    if (!this.animated) {
      this.stream.write(`${this.text}\n`);
      return this;
    }
    this.render();
    this.timer = setInterval(() => this.render(), 80);
    // The spinner must never keep the process alive on its own.
    this.timer.unref();
    return this;
  }

  succeed(text = this.text): void {
    this.stop(`${colors.green('✔')} ${text} ${colors.dim(`(${this.elapsed()})`)}`);
  }

  fail(text = this.text): void {
    this.stop(`${colors.red('✖')} ${text} ${colors.dim(`(${this.elapsed()})`)}`);
  }

  private render(): void {
    const frame = FRAMES[this.frame++ % FRAMES.length]!;
    this.stream.write(`\r\x1b[2K${colors.cyan(frame)} ${this.text} ${colors.dim(this.elapsed())}`);
  }

  private stop(line: string): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.stream.write(this.animated ? `\r\x1b[2K${line}\n` : `${line}\n`);
  }

  private elapsed(): string {
    return `${((Date.now() - this.startedAt) / 1000).toFixed(1)}s`;
  }
}

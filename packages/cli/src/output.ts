import { createColors } from 'picocolors';

/**
 * Colours follow picocolors' rules: off with NO_COLOR or --no-color, on with FORCE_COLOR or
 * --color, otherwise on for terminals only. Messages go to stderr so that stdout carries only a
 * command's result (`routes --json`, `info --json`) and can be piped.
 */
export const colors = createColors();

export const output = {
  /** A command's result, on stdout. */
  result(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  info(text: string): void {
    process.stderr.write(`${text}\n`);
  },
  success(text: string): void {
    process.stderr.write(`${colors.green('✔')} ${text}\n`);
  },
  warn(text: string): void {
    process.stderr.write(`${colors.yellow('warning')} ${text}\n`);
  },
  error(text: string, hint?: string): void {
    process.stderr.write(`${colors.red(colors.bold('error'))} ${text}\n`);
    if (hint !== undefined) process.stderr.write(`${colors.dim('hint')}  ${hint}\n`);
  },
};

/** Relative path in the forward-slash form people type and see in NestJS's output. */
export function displayPath(path: string): string {
  return path.replace(/\\/g, '/');
}

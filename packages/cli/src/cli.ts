import { isCliError } from './errors';
import { output } from './output';
import { createProgram } from './program';

/** The `armature` executable: runs one command; a CliError is shown as a message and a hint, anything else with its stack. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await createProgram().parseAsync([...argv]);
  } catch (error) {
    if (isCliError(error)) {
      output.error(error.message, error.hint);
      process.exitCode = error.exitCode;
      return;
    }
    output.error(`unexpected failure: ${(error as Error)?.stack ?? String(error)}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

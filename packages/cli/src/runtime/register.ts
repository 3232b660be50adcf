// Preloaded with `node --require` by `armature start --watch`: the application's `.ts` files then
// load straight from the sources, compiled by swc in memory.
import { isCliError } from '../errors';
import { registerTypeScript } from '../typescript-loader';

try {
  registerTypeScript(process.env.ARMATURE_PROJECT_ROOT ?? process.cwd());
} catch (error) {
  if (!isCliError(error)) throw error;
  process.stderr.write(`error ${error.message}\n${error.hint === undefined ? '' : `hint  ${error.hint}\n`}`);
  process.exit(1);
}

import { reportChanges, reportDryRun } from '../change-report';
import { CliError } from '../errors';
import { colors, output } from '../output';
import { requireProject } from '../project';
import { SCHEMATICS, findSchematic, suggestSchematic } from '../schematics/catalog';
import { planSchematic, type GenerateOptions } from '../schematics/plan';

export interface GenerateCommandOptions extends GenerateOptions {
  dryRun?: boolean;
}

export function schematicList(): string {
  const width = Math.max(...SCHEMATICS.map((schematic) => schematic.name.length));
  return SCHEMATICS.map((schematic) => `  ${schematic.name.padEnd(width)}  ${colors.dim(schematic.alias.padEnd(4))} ${schematic.description}`).join('\n');
}

export async function runGenerate(schematicName: string, name: string, options: GenerateCommandOptions, cwd = process.cwd()): Promise<void> {
  const schematic = findSchematic(schematicName);
  if (schematic === undefined) {
    const suggestion = suggestSchematic(schematicName);
    throw new CliError(
      `Unknown schematic "${schematicName}".${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`}\nAvailable schematics (name, alias):\n${schematicList()}`,
      'run `armature generate --help` for the options.',
    );
  }
  const project = requireProject(cwd, 'generate');
  const plan = planSchematic(project, schematic, name, options);

  if (options.dryRun === true) {
    reportDryRun(plan.changes);
    return;
  }
  plan.changes.apply();
  reportChanges(plan.changes);
  for (const note of plan.notes) output.info(colors.dim(note));
}

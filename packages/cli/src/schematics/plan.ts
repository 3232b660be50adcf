import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CliError } from '../errors';
import { ChangeSet } from '../file-changes';
import { importSpecifier, findNearestModule } from '../module-finder';
import { registerInModule } from '../module-editor';
import { parseElementName, singularize, toCamelCase, toPascalCase, type ElementName } from '../names';
import type { Project } from '../project';
import { renderTemplate, type TemplateVariables } from '../templates';
import type { Schematic } from './catalog';

export interface GenerateOptions {
  /** undefined: the schematic's own default. */
  readonly flat?: boolean;
  /** undefined: the project's `generate.spec`. */
  readonly spec?: boolean;
  /** Folder to generate into, relative to the source root (or to the project when it starts with the source root). */
  readonly path?: string;
  readonly force?: boolean;
  readonly skipImport?: boolean;
}

export interface GenerationPlan {
  readonly changes: ChangeSet;
  /** Lines for the user after the files are written. */
  readonly notes: string[];
}

function targetBase(project: Project, path: string | undefined): string {
  const sourceRoot = resolve(project.root, project.config.sourceRoot);
  if (path === undefined) return sourceRoot;
  const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (normalised.startsWith('/') || normalised.split('/').includes('..')) {
    throw new CliError(`--path ${path} must be a folder inside the project (relative, without "..").`);
  }
  const sourcePrefix = `${project.config.sourceRoot.replace(/\/$/, '')}/`;
  return normalised.startsWith(sourcePrefix) || normalised === project.config.sourceRoot ? resolve(project.root, normalised) : resolve(sourceRoot, normalised);
}

function templateVariables(schematic: Schematic, name: ElementName): TemplateVariables {
  const variables: Record<string, string> = { className: name.className, fileName: name.fileName, propertyName: name.propertyName };
  if (schematic.resource === true) {
    const entityFile = singularize(name.fileName);
    Object.assign(variables, { entityFile, entityClass: toPascalCase(entityFile), entityProperty: toCamelCase(entityFile) });
  }
  return variables;
}

/** `.js` when the module already imports its neighbours with `.js` endings (ESM projects), else nothing. */
function importExtension(moduleSource: string): string {
  return /from\s+['"]\.{1,2}\/[^'"]+\.js['"]/.test(moduleSource) ? '.js' : '';
}

/**
 * Plans a schematic: renders its templates into a change set, refuses to overwrite without
 * --force, and registers the new class in the nearest module. Nothing is written here.
 */
export function planSchematic(project: Project, schematic: Schematic, rawName: string, options: GenerateOptions): GenerationPlan {
  const name = parseElementName(rawName, schematic.suffix);
  const flat = options.flat ?? schematic.flat;
  const spec = options.spec ?? project.config.generate.spec;
  const base = targetBase(project, options.path);
  const targetDir = join(base, name.directory, flat ? '' : name.fileName);

  const files = renderTemplate(`schematics/${schematic.template}`, templateVariables(schematic, name), (path) => spec || !path.endsWith('.spec.ts'));
  const changes = new ChangeSet(project.root);
  const absolute = files.map((file) => ({ ...file, path: join(targetDir, file.path) }));
  const existing = absolute.filter((file) => existsSync(file.path)).map((file) => changes.relative(file.path));
  if (existing.length > 0 && options.force !== true) {
    throw new CliError(
      `${existing.length === 1 ? 'A file' : `${existing.length} files`} of this ${schematic.name} already exist${existing.length === 1 ? 's' : ''}: ${existing.join(', ')}.`,
      'pass --force to overwrite, or choose another name. Nothing was written.',
    );
  }
  for (const file of absolute) changes.create(file.path, file.content, { overwrite: options.force });

  const notes: string[] = [];
  if (schematic.registerAs !== undefined && options.skipImport !== true) {
    notes.push(...register(project, schematic, name, absolute.map((file) => file.path), changes));
  }
  if (schematic.nextStep !== undefined) notes.push(schematic.nextStep(`${name.className}${toPascalCase(schematic.suffix)}`));
  return { changes, notes };
}

function register(project: Project, schematic: Schematic, name: ElementName, created: string[], changes: ChangeSet): string[] {
  // A resource registers its module, like a module does; the others register their own class.
  const registeredSuffix = schematic.resource === true ? 'module' : schematic.suffix;
  const classFile = created.find((path) => path.endsWith(`/${name.fileName}.${registeredSuffix}.ts`));
  if (classFile === undefined) throw new Error(`internal: the ${schematic.name} templates have no ${name.fileName}.${registeredSuffix}.ts`);
  const className = `${name.className}${toPascalCase(registeredSuffix)}`;

  const modulePath = findNearestModule(dirname(classFile), resolve(project.root, project.config.sourceRoot), new Set(created));
  if (modulePath === undefined) {
    return [`No module found between ${changes.relative(dirname(classFile))} and ${project.config.sourceRoot}/: add ${className} to a module's ${schematic.registerAs} yourself.`];
  }
  const label = changes.relative(modulePath);
  const before = changes.read(modulePath);
  const edit = registerInModule(before, label, {
    className,
    importPath: importSpecifier(modulePath, classFile, importExtension(before)),
    slot: schematic.registerAs!,
  });
  if (!edit.changed) return [`${className} is already in the ${schematic.registerAs} of ${edit.moduleClass} (${label}).`];
  changes.update(modulePath, edit.text);
  return [`Added ${className} to the ${schematic.registerAs} of ${edit.moduleClass} (${label}).`];
}

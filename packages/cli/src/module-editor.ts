import type { ArrayLiteralExpression, Decorator, Node, ObjectLiteralExpression, Project, SourceFile } from 'ts-morph';
import { CliError } from './errors';

/** The arrays of `@Module({...})` a generator adds to. */
export type ModuleSlot = 'imports' | 'controllers' | 'providers' | 'exports';

export interface ModuleRegistration {
  readonly className: string;
  /** The module specifier as it will appear in the import (`./cats/cats.service`). */
  readonly importPath: string;
  readonly slot: ModuleSlot;
}

export interface ModuleEditResult {
  readonly text: string;
  /** False when the class was already registered there: generating again with --force is idempotent. */
  readonly changed: boolean;
  /** `CatsModule`, for messages. */
  readonly moduleClass: string;
}

type TextEdit = { start: number; end: number; text: string };

const SKIP_IMPORT_HINT = 'pass --skip-import to generate the files without registering them, and add them to a module yourself.';

let project: Project | undefined;

// ts-morph (with its bundled TypeScript) takes about half a second to load: only `generate` pays it.
function parse(fileLabel: string, source: string): SourceFile {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsMorph = require('ts-morph') as typeof import('ts-morph');
  project ??= new tsMorph.Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, compilerOptions: { noLib: true } });
  return project.createSourceFile(`/${fileLabel.replace(/^\/+/, '')}`, source, { overwrite: true });
}

function syntaxErrors(file: SourceFile): string[] {
  return file
    .getProject()
    .getProgram()
    .getSyntacticDiagnostics(file)
    .map((diagnostic) => {
      const message = diagnostic.getMessageText();
      const text = typeof message === 'string' ? message : message.getMessageText();
      const start = diagnostic.getStart();
      if (start === undefined) return text;
      const { line, column } = file.getLineAndColumnAtPos(start);
      return `${text} (line ${line}, column ${column})`;
    });
}

function findModuleDecorator(file: SourceFile, fileLabel: string): { decorator: Decorator; moduleClass: string } {
  const candidates = file.getClasses().flatMap((cls) => {
    const decorator = cls.getDecorator('Module');
    return decorator === undefined ? [] : [{ decorator, moduleClass: cls.getName() ?? 'the module', exported: cls.isExported() }];
  });
  const chosen = candidates.find((candidate) => candidate.exported) ?? candidates[0];
  if (chosen === undefined) {
    throw new CliError(`${fileLabel} has no class decorated with @Module(), so there is nothing to register in.`, `add @Module({}) to its class, or ${SKIP_IMPORT_HINT}`);
  }
  return chosen;
}

function lineIndent(source: string, position: number): string {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** True when the first element sits on its own line: new elements then go on lines of their own. */
function isMultiline(source: string, open: number, firstElementStart: number): boolean {
  return source.slice(open, firstElementStart).includes('\n');
}

/** Adds `text` as the last element of a list between `open` and `close` (brackets or braces). */
function appendToList(source: string, open: number, close: number, elements: Node[], text: string, newline: string, padding: string): TextEdit[] {
  if (elements.length === 0) {
    const inner = source.slice(open + 1, close);
    // `[]`, `[ ]`, `{\n}`: replace the blank inside; keep anything else (a comment) where it is.
    return [inner.trim().length === 0 ? { start: open + 1, end: close, text: `${padding}${text}${padding}` } : { start: open + 1, end: open + 1, text: `${padding}${text},` }];
  }
  const last = elements[elements.length - 1]!;
  const afterLast = last.getEnd();
  if (!isMultiline(source, open, elements[0]!.getStart())) return [{ start: afterLast, end: afterLast, text: `, ${text}` }];

  const indent = lineIndent(source, last.getStart());
  const newlineAt = source.indexOf('\n', afterLast);
  const lineEnd = newlineAt === -1 ? source.length : source[newlineAt - 1] === '\r' ? newlineAt - 1 : newlineAt;
  if (close < lineEnd) {
    // `[\n  a,\n  b]`: the list closes on the last element's line.
    return [{ start: afterLast, end: afterLast, text: `,${newline}${indent}${text}` }];
  }
  // On a line of its own after the last element's line, so that a comment ending that line stays
  // with its element; with a trailing comma when the list has one.
  const trailingComma = /^[ \t]*,/.test(source.slice(afterLast, lineEnd));
  const edits: TextEdit[] = [{ start: lineEnd, end: lineEnd, text: `${newline}${indent}${text}${trailingComma ? ',' : ''}` }];
  if (!trailingComma) edits.push({ start: afterLast, end: afterLast, text: ',' });
  return edits;
}

function importEdit(file: SourceFile, source: string, registration: ModuleRegistration, newline: string): TextEdit | undefined {
  const imports = file.getImportDeclarations();
  for (const declaration of imports) {
    const names = declaration.getNamedImports().map((named) => (named.getAliasNode() ?? named.getNameNode()).getText());
    const defaultName = declaration.getDefaultImport()?.getText();
    if (!names.includes(registration.className) && defaultName !== registration.className) continue;
    const specifier = declaration.getModuleSpecifierValue();
    if (sameModule(specifier, registration.importPath)) return undefined;
    throw new CliError(
      `${file.getBaseName()} already imports a ${registration.className} from '${specifier}', which is not the ${registration.className} being generated ('${registration.importPath}').`,
      'choose another name for the new element (names must be unique in the module that registers them).',
    );
  }
  const local = file.getClass(registration.className) ?? file.getVariableDeclaration(registration.className) ?? file.getFunction(registration.className);
  if (local !== undefined) {
    throw new CliError(`${file.getBaseName()} already declares its own ${registration.className}.`, 'choose another name for the new element.');
  }

  const sameSpecifier = imports.find(
    (declaration) => sameModule(declaration.getModuleSpecifierValue(), registration.importPath) && !declaration.isTypeOnly() && declaration.getNamespaceImport() === undefined,
  );
  const named = sameSpecifier?.getNamedImports() ?? [];
  if (sameSpecifier !== undefined && named.length > 0) {
    const end = named[named.length - 1]!.getEnd();
    return { start: end, end, text: `, ${registration.className}` };
  }

  const reference = imports[imports.length - 1];
  const quote = reference?.getModuleSpecifier().getText().startsWith('"') ? '"' : "'";
  const semicolon = reference === undefined || reference.getText().trimEnd().endsWith(';') ? ';' : '';
  const statement = `import { ${registration.className} } from ${quote}${registration.importPath}${quote}${semicolon}`;
  if (reference !== undefined) return { start: reference.getEnd(), end: reference.getEnd(), text: `${newline}${statement}` };
  return { start: 0, end: 0, text: `${statement}${newline}${source.startsWith(newline) ? '' : newline}` };
}

function sameModule(a: string, b: string): boolean {
  const normalise = (specifier: string) => specifier.replace(/\.(js|ts|mjs|cjs)$/, '');
  return normalise(a) === normalise(b);
}

function slotEdits(decorator: Decorator, source: string, registration: ModuleRegistration, fileLabel: string, moduleClass: string, newline: string): TextEdit[] {
  const call = decorator.getCallExpression();
  if (call === undefined) {
    throw new CliError(`${fileLabel}: @Module on ${moduleClass} is not called with an options object.`, `write it as @Module({}), or ${SKIP_IMPORT_HINT}`);
  }
  const [options] = call.getArguments();
  const entry = `${registration.slot}: [${registration.className}]`;
  if (options === undefined) {
    const close = call.getEnd() - 1;
    return [{ start: close, end: close, text: `{ ${entry} }` }];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Node: NodeKinds } = require('ts-morph') as typeof import('ts-morph');
  if (!NodeKinds.isObjectLiteralExpression(options)) {
    throw new CliError(
      `${fileLabel}: the @Module() of ${moduleClass} takes \`${options.getText().slice(0, 40)}\`, not an object literal, so ${registration.className} cannot be added to it.`,
      SKIP_IMPORT_HINT,
    );
  }
  const object: ObjectLiteralExpression = options;
  const property = object.getProperty(registration.slot);
  if (property === undefined) {
    const properties = object.getProperties();
    return appendToList(source, object.getStart(), object.getEnd() - 1, properties, entry, newline, properties.length === 0 ? ' ' : '');
  }
  const initializer = NodeKinds.isPropertyAssignment(property) ? property.getInitializer() : undefined;
  if (initializer === undefined || !NodeKinds.isArrayLiteralExpression(initializer)) {
    throw new CliError(
      `${fileLabel}: \`${registration.slot}\` in the @Module() of ${moduleClass} is not an array literal, so ${registration.className} cannot be added to it.`,
      SKIP_IMPORT_HINT,
    );
  }
  const array: ArrayLiteralExpression = initializer;
  const elements = array.getElements();
  if (elements.some((element) => element.getText() === registration.className)) return [];
  return appendToList(source, array.getStart(), array.getEnd() - 1, elements, registration.className, newline, '');
}

/**
 * Registers a class in a module's `@Module({...})`: the import and the array entry. Positions come
 * from ts-morph's syntax tree; the edits are inserted into the original text at those positions,
 * so everything else (quotes, semicolons, trailing commas, comments, blank lines) stays as written.
 */
export function registerInModule(source: string, fileLabel: string, registration: ModuleRegistration): ModuleEditResult {
  const file = parse(fileLabel, source);
  const errors = syntaxErrors(file);
  if (errors.length > 0) {
    throw new CliError(`Cannot parse ${fileLabel}: ${errors[0]}.`, `fix the syntax error and run the command again, or ${SKIP_IMPORT_HINT}`);
  }
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const { decorator, moduleClass } = findModuleDecorator(file, fileLabel);

  const slot = slotEdits(decorator, source, registration, fileLabel, moduleClass, newline);
  const importing = importEdit(file, source, registration, newline);
  const edits = importing === undefined ? slot : [...slot, importing];
  if (edits.length === 0) return { text: source, changed: false, moduleClass };

  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  const after = syntaxErrors(parse(fileLabel, text));
  if (after.length > 0) throw new Error(`internal: editing ${fileLabel} produced invalid code: ${after[0]}`);
  return { text, changed: true, moduleClass };
}

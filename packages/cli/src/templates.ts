import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `packages/cli/templates`: next to `src/` and `dist/` alike, and shipped in the npm package. */
export const TEMPLATES_DIR = join(__dirname, '..', 'templates');

export type TemplateVariables = Readonly<Record<string, string>>;

export interface RenderedFile {
  /** Relative to the folder the template is rendered into. */
  readonly path: string;
  readonly content: string;
}

// Files npm would drop or act upon if they kept their real names inside the CLI's own package.
const RENAMED_FILES: Record<string, string> = { gitignore: '.gitignore', npmrc: '.npmrc' };

/** `{{className}}` in contents, `__fileName__` in paths. */
function substitute(text: string, variables: TemplateVariables, pattern: RegExp, where: string): string {
  return text.replace(pattern, (_match, key: string) => {
    const value = variables[key];
    // A typo in a template must fail the CLI's own tests, never produce a broken project.
    if (value === undefined) throw new Error(`template ${where} uses an unknown placeholder "${key}"`);
    return value;
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

/** A file's spec right after the file itself (`cats.service.ts`, then `cats.service.spec.ts`), as people list them. */
function bySubjectThenSpec(a: RenderedFile, b: RenderedFile): number {
  const key = (file: RenderedFile) => file.path.replace(/\.spec\.ts$/, '.ts\uffff');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Every file of `templates/<name>`, with its placeholders filled in. */
export function renderTemplate(name: string, variables: TemplateVariables, filter: (path: string) => boolean = () => true): RenderedFile[] {
  const dir = join(TEMPLATES_DIR, name);
  return listFiles(dir)
    .map((templatePath) => {
      const segments = substitute(templatePath, variables, /__([A-Za-z]+)__/g, `${name}/${templatePath}`).split('/');
      const last = segments.pop()!;
      const path = [...segments, RENAMED_FILES[last] ?? last].join('/');
      const content = substitute(readFileSync(join(dir, templatePath), 'utf8'), variables, /\{\{\s*([A-Za-z]+)\s*\}\}/g, `${name}/${templatePath}`);
      return { path, content };
    })
    .filter((file) => filter(file.path))
    .sort(bySubjectThenSpec);
}

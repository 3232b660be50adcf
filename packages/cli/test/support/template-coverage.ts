import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const TEMPLATES_DIR = path.join(__dirname, '../../templates');

/** `import { A, type B } from '@armature/x'` in every file of a template folder, by package. */
export function armatureImports(templateDir: string): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      for (const match of readFileSync(full, 'utf8').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(@armature\/[^']+)'/g)) {
        const names = imports.get(match[2]!) ?? new Set<string>();
        for (const specifier of match[1]!.split(',')) {
          const imported = specifier.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!;
          if (imported.length > 0) names.add(imported);
        }
        imports.set(match[2]!, names);
      }
    }
  };
  walk(templateDir);
  return imports;
}

/**
 * Every name (types included) an installed package exports, read with the app's own TypeScript
 * from the package's declarations; undefined when the package is not installed.
 */
export function exportedNames(appDir: string, packageName: string): Set<string> | undefined {
  const packageDir = path.join(appDir, 'node_modules', packageName);
  if (!existsSync(path.join(packageDir, 'package.json'))) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(path.join(appDir, 'node_modules/typescript')) as typeof import('typescript');
  const declarations = path.join(packageDir, JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).types ?? 'index.d.ts');
  const program = ts.createProgram([declarations], { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(declarations)!);
  return new Set(moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.getName()));
}

/** The Armature names a template uses that the installed packages do not export (empty: the template can be checked). */
export function missingApis(appDir: string, templateDir: string): string[] {
  const missing: string[] = [];
  for (const [packageName, names] of armatureImports(templateDir)) {
    const exported = exportedNames(appDir, packageName);
    for (const name of names) if (exported?.has(name) !== true) missing.push(`${packageName}#${name}`);
  }
  return missing;
}

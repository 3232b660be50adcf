import type { ChangeSet, FileChange } from './file-changes';
import { colors, output } from './output';
import { unifiedDiff } from './text-diff';

const LABELS: Record<FileChange['kind'], (text: string) => string> = {
  create: colors.green,
  overwrite: colors.yellow,
  update: colors.cyan,
};

/** NestJS-style lines: `CREATE src/cats/cats.controller.ts (345 bytes)`. */
export function reportChanges(changes: ChangeSet): void {
  for (const change of changes.list()) {
    const label = LABELS[change.kind](change.kind.toUpperCase());
    output.info(`${label} ${changes.relative(change.path)} ${colors.dim(`(${Buffer.byteLength(change.after)} bytes)`)}`);
  }
}

interface TreeNode {
  children: Map<string, TreeNode>;
  kind?: FileChange['kind'];
}

/** The files as a tree, for `--dry-run`. */
export function renderTree(changes: ChangeSet): string[] {
  const root: TreeNode = { children: new Map() };
  for (const change of changes.list()) {
    let node = root;
    for (const part of changes.relative(change.path).split('/')) {
      let child = node.children.get(part);
      if (child === undefined) node.children.set(part, (child = { children: new Map() }));
      node = child;
    }
    node.kind = change.kind;
  }
  const lines: string[] = [];
  const walk = (node: TreeNode, indent: string) => {
    const entries = [...node.children.entries()].sort(([a, x], [b, y]) => Number(y.children.size > 0) - Number(x.children.size > 0) || a.localeCompare(b));
    entries.forEach(([name, child], index) => {
      const last = index === entries.length - 1;
      const isDir = child.kind === undefined;
      const label = isDir ? `${name}/` : `${name}  ${LABELS[child.kind!](`(${child.kind})`)}`;
      lines.push(`${indent}${last ? '└─ ' : '├─ '}${label}`);
      if (isDir) walk(child, `${indent}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  return lines;
}

/** What `--dry-run` prints: the tree, then a diff of every file against what is on disk. */
export function reportDryRun(changes: ChangeSet): void {
  output.result(renderTree(changes).join('\n'));
  for (const change of changes.list()) {
    const path = changes.relative(change.path);
    output.result('');
    output.result(colors.bold(`--- ${change.before === undefined ? '/dev/null' : `a/${path}`}`));
    output.result(colors.bold(`+++ b/${path}`));
    if (typeof change.after !== 'string') {
      output.result(colors.dim(`(binary, ${change.after.byteLength} bytes)`));
      continue;
    }
    for (const line of unifiedDiff(change.before ?? '', change.after)) {
      const paint = line.kind === 'add' ? colors.green : line.kind === 'remove' ? colors.red : line.kind === 'hunk' ? colors.cyan : (text: string) => text;
      output.result(paint(line.text));
    }
  }
  output.info(colors.yellow('\nDry run: nothing was written.'));
}

type Edit = { kind: 'same' | 'add' | 'remove'; line: string };

// Files the CLI edits are small (modules, a few hundred lines); above this the diff shows the file
// as replaced rather than spend quadratic time.
const MAX_TABLE_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line edits turning `before` into `after`, by longest common subsequence. */
function lineEdits(before: string[], after: string[]): Edit[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_TABLE_CELLS) {
    return [...before.map((line): Edit => ({ kind: 'remove', line })), ...after.map((line): Edit => ({ kind: 'add', line }))];
  }
  // lengths[i][j]: LCS length of before[i..] and after[j..], one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = before[i] === after[j] ? lengths[at(i + 1, j + 1)]! + 1 : Math.max(lengths[at(i + 1, j)]!, lengths[at(i, j + 1)]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      edits.push({ kind: 'same', line: before[i++]! });
      j++;
    } else if (i < n && (j === m || lengths[at(i + 1, j)]! >= lengths[at(i, j + 1)]!)) {
      // Removals before additions, as diff(1) prints them.
      edits.push({ kind: 'remove', line: before[i++]! });
    } else {
      edits.push({ kind: 'add', line: after[j++]! });
    }
  }
  return edits;
}

export interface DiffLine {
  kind: 'same' | 'add' | 'remove' | 'hunk';
  text: string;
}

/** A unified diff (`@@ -a,b +c,d @@` hunks with `context` lines around each change). */
export function unifiedDiff(before: string, after: string, context = 3): DiffLine[] {
  const edits = lineEdits(splitLines(before), splitLines(after));
  const changed = edits.map((edit, index) => (edit.kind === 'same' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return [];

  // Group changes whose context windows touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }

  const lines: DiffLine[] = [];
  for (const [start, end] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (const edit of edits.slice(0, start)) {
      if (edit.kind !== 'add') oldLine++;
      if (edit.kind !== 'remove') newLine++;
    }
    const slice = edits.slice(start, end + 1);
    const oldCount = slice.filter((edit) => edit.kind !== 'add').length;
    const newCount = slice.filter((edit) => edit.kind !== 'remove').length;
    lines.push({ kind: 'hunk', text: `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@` });
    for (const edit of slice) {
      const prefix = edit.kind === 'add' ? '+' : edit.kind === 'remove' ? '-' : ' ';
      lines.push({ kind: edit.kind, text: `${prefix}${edit.line}` });
    }
  }
  return lines;
}

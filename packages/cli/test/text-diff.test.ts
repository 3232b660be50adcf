import { unifiedDiff } from '@armature/cli';

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toEqual([]);
  });

  it('shows a changed line with three lines of context, removal first', () => {
    const before = text(['1', '2', '3', '4', '5', '6', '7', '8']);
    const after = text(['1', '2', '3', '4', 'five', '6', '7', '8']);
    expect(unifiedDiff(before, after).map((line) => line.text)).toEqual(['@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8']);
  });

  it('shows a new file as additions only', () => {
    expect(unifiedDiff('', 'a\nb\n').map((line) => line.text)).toEqual(['@@ -0,0 +1,2 @@', '+a', '+b']);
  });

  it('splits distant changes into separate hunks', () => {
    const before = text(Array.from({ length: 20 }, (_, i) => `line ${i}`));
    const after = before.replace('line 1\n', 'first\n').replace('line 18\n', 'last\n');
    expect(unifiedDiff(before, after).filter((line) => line.kind === 'hunk')).toHaveLength(2);
  });
});

// Text output: one compiler-style line per flagged statement, then a summary line. Paths and
// messages (which quote sources) are made safe for a terminal; JSON output escapes by itself.
import { isFlagged } from '../../core/check/results';
import { LineIndex } from '../../core/lineIndex';
import type { CheckReport } from '../checkReport';
import { terminalLine, terminalSafe } from '../terminalText';

export function textFormat({ files }: CheckReport): string {
  const lines: string[] = [];
  const counts = new Map<string, number>();
  let statements = 0;
  for (const file of files) {
    const index = new LineIndex(file.text);
    for (const r of file.results) {
      statements++;
      if (!isFlagged(r.verdict)) continue;
      counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
      const at = index.positionAt(r.focus?.start ?? r.statement.start);
      lines.push(`${terminalSafe(file.path)}:${at.line + 1}:${at.character + 1}: warning: ${terminalLine(r.message)} [${r.verdict}]`);
    }
  }
  const flaggedCount = [...counts.values()].reduce((a, b) => a + b, 0);
  const detail = [...counts].map(([code, n]) => `${n} ${code}`).join(', ');
  const checked = `${statements} statements in ${files.length} ${files.length === 1 ? 'file' : 'files'} checked`;
  lines.push(flaggedCount === 0 ? `${checked}: nothing flagged.` : `${checked}: ${flaggedCount} flagged (${detail}).`);
  return lines.join('\n');
}

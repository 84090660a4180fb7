import type { StatementResult } from '../../src/core/types';
import { isFlagged } from '../../src/core/check/results';

/** The verdict of a paragraph: its first flagged statement, else its first statement. */
export function paragraphVerdicts(draft: string, results: StatementResult[], count: number): (StatementResult | undefined)[] {
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of draft.split('\n\n')) {
    starts.push(offset);
    offset += paragraph.length + 2;
  }
  const byParagraph: (StatementResult | undefined)[] = new Array(count).fill(undefined);
  for (const r of results) {
    let index = starts.length - 1;
    while (index > 0 && starts[index] > r.statement.start) index--;
    const current = byParagraph[index];
    if (!current || (!isFlagged(current.verdict) && isFlagged(r.verdict))) byParagraph[index] = r;
  }
  return byParagraph;
}

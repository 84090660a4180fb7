/** One word to align: its normalized form, and whether it may be left out for free. */
export interface AlignToken {
  norm: string;
  /** Editorial words in [brackets] in a source: a quote may omit them without changing the words. */
  optional?: boolean;
}

export interface Alignment {
  /** Edits needed to turn the fragment into source[sourceStart, sourceEnd). */
  cost: number;
  /** Fragment words aligned to an identical source word. */
  matches: number;
  sourceStart: number;
  sourceEnd: number;
}

/**
 * Word-level edit distance of a fragment against the best-matching stretch of a source
 * (free start and end in the source): the core of "verbatim, misquoted or invented".
 */
export function alignFragment(fragment: readonly AlignToken[], source: readonly AlignToken[]): Alignment {
  const n = fragment.length;
  const m = source.length;
  // cost[i][j]: fragment[0..i) aligned ending at source j; start[i][j]: where in source it began.
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const matches: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const start: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let j = 0; j <= m; j++) start[0][j] = j;
  for (let i = 1; i <= n; i++) {
    cost[i][0] = i;
    start[i][0] = 0;
    for (let j = 1; j <= m; j++) {
      const same = fragment[i - 1].norm === source[j - 1].norm;
      // Substitute (or keep), else drop a fragment word, else skip a source word: fewest edits,
      // then most identical words, the earlier option on a tie. Inline: this runs for every cell.
      let bestCost = cost[i - 1][j - 1] + (same ? 0 : 1);
      let bestMatches = matches[i - 1][j - 1] + (same ? 1 : 0);
      let bestStart = start[i - 1][j - 1];
      const dropCost = cost[i - 1][j] + 1;
      if (dropCost < bestCost || (dropCost === bestCost && matches[i - 1][j] > bestMatches)) {
        [bestCost, bestMatches, bestStart] = [dropCost, matches[i - 1][j], start[i - 1][j]];
      }
      const skipCost = cost[i][j - 1] + (source[j - 1].optional ? 0 : 1);
      if (skipCost < bestCost || (skipCost === bestCost && matches[i][j - 1] > bestMatches)) {
        [bestCost, bestMatches, bestStart] = [skipCost, matches[i][j - 1], start[i][j - 1]];
      }
      cost[i][j] = bestCost;
      matches[i][j] = bestMatches;
      start[i][j] = bestStart;
    }
  }
  // Fewest edits, then most identical words, then the stretch closest to the fragment's length:
  // a changed last word ("make a change") aligns to the source's word ("make a difference"), not to nothing.
  const lengthGap = (j: number) => Math.abs(j - start[n][j] - n);
  let bestEnd = 0;
  for (let j = 1; j <= m; j++) {
    const better =
      cost[n][j] - cost[n][bestEnd] || matches[n][bestEnd] - matches[n][j] || lengthGap(j) - lengthGap(bestEnd);
    if (better < 0) bestEnd = j;
  }
  return { cost: cost[n][bestEnd], matches: matches[n][bestEnd], sourceStart: start[n][bestEnd], sourceEnd: bestEnd };
}

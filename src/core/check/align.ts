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
      const options: [number, number, number][] = [
        [cost[i - 1][j - 1] + (same ? 0 : 1), matches[i - 1][j - 1] + (same ? 1 : 0), start[i - 1][j - 1]],
        [cost[i - 1][j] + 1, matches[i - 1][j], start[i - 1][j]],
        [cost[i][j - 1] + (source[j - 1].optional ? 0 : 1), matches[i][j - 1], start[i][j - 1]],
      ];
      // Fewest edits, then most identical words.
      options.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      [cost[i][j], matches[i][j], start[i][j]] = options[0];
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

// Words that state a stance or a direction, grouped by the stance they state, each group beside
// its opposite. Neither resource can tell these apart by itself: word vectors put a word and its
// reverse close together (increase ~ decrease 0.88, allow ~ ban 0.59, support ~ oppose 0.64),
// and WordNet links only 77 of the 241 same-stance pairs below and 9 of 20 opposite pairs
// (it has increase/decrease, permit/forbid, but not allow/ban, support/oppose or grow/shrink).
// This is general English: each group is a set of near-synonyms in news usage, each opposite
// its reverse. One group a line, "|" before its opposite group; "+" marks a word that evidences
// its group ("a record" for "rose") without being a stance word itself. Winning and losing are
// one group, not opposites: they are converses, one event told from either side ("City beat
// United" is "United lost to City"), which only reverse a claim said of the same side.

/** Stance and direction words: what a statement claims by them must be stated by its source. */
export const STANCE_GROUPS = `
condemn denounce decry criticize criticise criticism blame slam censure rebuke lambaste | praise applaud hail commend laud welcome
reject dismiss refuse refrain decline rebuff deny veto spurn | accept agree approve endorse embrace
support endorse favour favor | oppose opposition object resist
confirm acknowledge admit
announce declare unveil reveal
increase rise grow climb jump surge soar higher +more +growth +record | decrease fall drop decline shrink lower fewer less cut reduce
win victory lose defeat
best better | worst worse
`;

/** Other pairs of words whose swap reverses a claim ("a lot to gain" against "little to gain"). */
export const OPPOSITE_GROUPS = `
little scant | lot plenty
delay postpone defer | hasten accelerate expedite
allow permit | ban forbid prohibit
strengthen bolster | weaken undermine
`;

/** The groups of a table, one a line, opposites split onto their own lines. */
export function groupLines(table: string): string {
  return table.split('\n').flatMap((line) => line.split('|')).map((group) => group.trim()).filter(Boolean).join('\n');
}

/** Each pair of opposite groups of a table, evidence-only words left out. */
export function oppositePairs(table: string): Array<[string[], string[]]> {
  return table
    .split('\n')
    .filter((line) => line.includes('|'))
    .map((line) => {
      const [left, right] = line.split('|').map((side) => side.trim().split(/\s+/).filter((w) => !w.startsWith('+')));
      return [left, right];
    });
}

/** Word -> the words of its opposite groups, from both tables. */
export function buildOpposites(): Map<string, Set<string>> {
  const opposites = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = opposites.get(a) ?? new Set<string>();
    set.add(b);
    opposites.set(a, set);
  };
  for (const table of [STANCE_GROUPS, OPPOSITE_GROUPS]) {
    for (const [left, right] of oppositePairs(table)) for (const a of left) for (const b of right) { link(a, b); link(b, a); }
  }
  return opposites;
}

/**
 * Focusing adverbs: a negation right before one denies only that the claim is the whole story
 * ("isn't alone responsible", "wouldn't just be saying", "not only"), so what follows is still said.
 */
export const FOCUS_PARTICLES: ReadonlySet<string> = new Set(['only', 'just', 'merely', 'simply', 'solely', 'alone', 'exclusively', 'purely']);

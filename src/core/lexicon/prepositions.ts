// Complex prepositions: fixed phrases of English grammar that work as one preposition ("in place
// of" is "instead of"), so the noun inside them names nothing the statement claims.
const COMPLEX_PREPOSITIONS: readonly string[] = [
  'in place of', 'in lieu of', 'in front of', 'in spite of', 'on behalf of', 'in terms of', 'by means of',
  'by way of', 'in addition to', 'with regard to', 'in view of', 'for the sake of', 'on top of', 'in the wake of',
];

// Every statement is read for them: a word is tried only against the phrases it opens.
const PHRASES_OPENED_BY = new Map<string, string[][]>();
for (const phrase of COMPLEX_PREPOSITIONS.map((text) => text.split(' '))) {
  const opened = PHRASES_OPENED_BY.get(phrase[0]);
  if (opened) opened.push(phrase);
  else PHRASES_OPENED_BY.set(phrase[0], [phrase]);
}

/** The token indices (of lower-case words, in order) that are the nouns inside a complex preposition: "place" in "in place of". */
export function nounsOfComplexPrepositions(words: readonly string[]): ReadonlySet<number> {
  let inside: Set<number> | undefined;
  for (let k = 0; k < words.length; k++) {
    const phrases = PHRASES_OPENED_BY.get(words[k]);
    if (phrases === undefined) continue;
    for (const phrase of phrases) {
      if (!phrase.every((w, i) => words[k + i] === w)) continue;
      inside ??= new Set();
      // The first and last words are the prepositions; those between are the phrase's noun (and article).
      for (let i = 1; i < phrase.length - 1; i++) inside.add(k + i);
    }
  }
  return inside ?? NONE;
}

/** No nouns: one set for the statements (nearly all) without a complex preposition. */
const NONE: ReadonlySet<number> = new Set();

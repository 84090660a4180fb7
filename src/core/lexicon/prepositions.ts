// Complex prepositions: fixed phrases of English grammar that work as one preposition ("in place
// of" is "instead of"), so the noun inside them names nothing the statement claims.
const COMPLEX_PREPOSITIONS: readonly string[] = [
  'in place of', 'in lieu of', 'in front of', 'in spite of', 'on behalf of', 'in terms of', 'by means of',
  'by way of', 'in addition to', 'with regard to', 'in view of', 'for the sake of', 'on top of', 'in the wake of',
];

const PHRASES = COMPLEX_PREPOSITIONS.map((phrase) => phrase.split(' '));
// Every statement is read for them: only a word that opens one is tried against the phrases.
const OPENING = new Set(PHRASES.map((phrase) => phrase[0]));

/** The token indices (of lower-case words, in order) that are the nouns inside a complex preposition: "place" in "in place of". */
export function nounsOfComplexPrepositions(words: readonly string[]): Set<number> {
  const inside = new Set<number>();
  for (let k = 0; k < words.length; k++) {
    if (!OPENING.has(words[k])) continue;
    for (const phrase of PHRASES) {
      if (!phrase.every((w, i) => words[k + i] === w)) continue;
      // The first and last words are the prepositions; those between are the phrase's noun (and article).
      for (let i = 1; i < phrase.length - 1; i++) inside.add(k + i);
    }
  }
  return inside;
}

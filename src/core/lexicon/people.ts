// Nouns that name a person by role ("the economist", "the defender", "the host"): WordNet's
// broader terms of the noun's usual sense reach "person". One addition: WordNet files
// "counterpart" under "equivalent" (a person or thing), but in news of meetings and talks
// ("his Ukrainian counterpart") it names the person who holds the same office.
import { getLexicon } from './index';

const PERSON_IN_NEWS = new Set(['counterpart']);

/** Whether the noun, in its usual sense, names a person. */
export function namesPerson(noun: string): boolean {
  const lexicon = getLexicon();
  return PERSON_IN_NEWS.has(lexicon.lemma(noun)) || lexicon.isA(noun, 'person');
}

/** Verbs of naming that give a described person their name: "a boy, identified as Ali Sami". Longer forms first, for a regex alternation. */
export const NAMING_VERBS: readonly string[] = ['identified as', 'named as', 'named', 'known as', 'called'];

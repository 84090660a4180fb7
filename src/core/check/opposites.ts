import { getLexicon } from '../lexicon';
import { STOP_WORDS } from '../search/stopWords';
import { wordTokens } from '../search/tokenize';

// A paraphrase that swaps a word for its opposite reverses the claim ("a lot to gain" against
// "little to gain", "hasten the conflict" against "delay it"). The opposites are the lexicon's
// polarity tables (src/core/lexicon/polarity.ts), which reverse a claim whatever the words'
// roles; WordNet's wider antonyms (military ~ civilian) need the words aligned, so they are left
// to the checker's alignment of statement and evidence words.
const SAYS_IT = new Set(['same', 'inflection', 'synonym']);

/** The statement's word (as written) whose opposite the passage says, and not the word itself. */
export function reversedWord(statement: string, passageSentence: string): string | undefined {
  const lexicon = getLexicon();
  const passage = [...new Set(wordTokens(passageSentence).filter((t) => !STOP_WORDS.has(t.norm)).map((t) => t.norm))];
  return wordTokens(statement).find((token) => {
    if (STOP_WORDS.has(token.norm)) return false;
    if (!passage.some((word) => lexicon.reverses(token.norm, word))) return false;
    return !passage.some((word) => SAYS_IT.has(lexicon.relation(token.norm, word) ?? 'none'));
  })?.raw;
}

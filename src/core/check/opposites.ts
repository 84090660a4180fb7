import { getLexicon } from '../lexicon';
import { STOP_WORDS } from '../search/stopWords';
import { wordTokens } from '../search/tokenize';
import { rememberedByText } from '../text/rememberedByText';

// A paraphrase that swaps a word for its opposite reverses the claim ("a lot to gain" against
// "little to gain", "hasten the conflict" against "delay it"). The opposites are the lexicon's
// polarity tables (src/core/lexicon/polarity.ts), which reverse a claim whatever the words'
// roles; WordNet's wider antonyms (military ~ civilian) need the words aligned, so they are left
// to the checker's alignment of statement and evidence words.
const SAYS_IT = new Set(['same', 'inflection', 'synonym']);

/** The statement's word (as written) whose opposite the passage says, and not the word itself; names on either side ("Grand Slam") are no stance words. */
export function reversedWord(statementWords: readonly { raw: string; norm: string }[], passageSentence: string): string | undefined {
  const lexicon = getLexicon();
  // Most words have no opposite: only one that has is compared with the passage's words.
  return statementWords.find((token) => !STOP_WORDS.has(token.norm) && lexicon.opposable(token.norm) && reversedBy(token.norm, passageSentence))?.raw;
}

// A draft's statements ask the same few sentences about the same words: the answers are kept per sentence.
const sentenceReading = rememberedByText((sentence) => ({
  // A capitalized word inside the sentence is a name, not a stance word.
  words: [...new Set(wordTokens(sentence).filter((t, i) => !STOP_WORDS.has(t.norm) && !(i > 0 && /^\p{Lu}/u.test(t.raw))).map((t) => t.norm))],
  reversed: new Map<string, boolean>(),
}));

/** Whether the sentence says the opposite of the (folded) word, and not the word itself. */
function reversedBy(word: string, sentence: string): boolean {
  const known = sentenceReading(sentence);
  let answer = known.reversed.get(word);
  if (answer === undefined) {
    const lexicon = getLexicon();
    answer = known.words.some((w) => lexicon.reverses(word, w)) && !known.words.some((w) => SAYS_IT.has(lexicon.relation(word, w) ?? 'none'));
    known.reversed.set(word, answer);
  }
  return answer;
}

import { getLexicon } from './index';

// What tells the voice of a clause in English grammar: the passive's auxiliaries ("was refused",
// "got hurt") and the determiners that open a noun phrase. A verb with no auxiliary reads as active
// only when an object follows it: headlines and reduced clauses drop the auxiliary of the passive
// ("Starbucks embroiled in a row" is "Starbucks is embroiled"), and a preposition or "to" after the
// verb leaves both readings open.

/** Auxiliaries of the passive: in "Briggs was refused a place" Briggs is the one refused, not the one refusing. */
export const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten', 'getting']);

/** Determiners and possessives: a word that opens a noun phrase, so the object of a verb before it. */
export const DETERMINERS: ReadonlySet<string> = new Set(
  `a an the this that these those my your his her its our their some any no each every all both another either neither`.split(/\s+/),
);

/** Whether the word is a verb in an inflected form (WordNet has it as a verb, with another base form): "refused", "monitoring". */
export function isInflectedVerb(word: string): boolean {
  const lexicon = getLexicon();
  return lexicon.canBeVerb(word) && lexicon.lemma(word) !== word;
}

/**
 * Whether the word can only be a verb's third person present ("accepts", not "talks", which may be a
 * plural noun): a form the passive never drops its auxiliary from, so active with or without an object.
 */
export function isPresentTenseOnly(word: string): boolean {
  return word.endsWith('s') && isInflectedVerb(word) && !getLexicon().canBeNoun(word);
}

/** Whether the verb at `i` is passive: after an auxiliary of the passive, and not a progressive ("was released", not "was releasing"). */
export function isPassiveAt(words: readonly { norm: string }[], i: number): boolean {
  return i > 0 && PASSIVE_AUXILIARIES.has(words[i - 1].norm) && !words[i].norm.endsWith('ing');
}

/** Whether the word is a verb in its base form (WordNet has it as a verb, and it is its own base form): "sell", "pay". */
export function isBaseVerb(word: string): boolean {
  const lexicon = getLexicon();
  return lexicon.canBeVerb(word) && lexicon.lemma(word) === word;
}

/**
 * Whether the words before a capitalized word make it part of a description rather than the start
 * of a name: lower-case words back to a determiner ("The beautiful DJ", "the former Barcelona").
 */
export function afterDeterminer(wordsBefore: readonly string[]): boolean {
  let k = wordsBefore.length - 1;
  while (k >= 0 && /^\p{Ll}/u.test(wordsBefore[k]) && !DETERMINERS.has(wordsBefore[k])) k--;
  return k >= 0 && DETERMINERS.has(wordsBefore[k].toLowerCase());
}

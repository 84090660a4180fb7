// A statement word's counterpart in a source sentence: the same index term, else the sentence's
// word that means it most nearly (meaning.ts), remembered per sentence and statement word.
import type { StatementWord } from './analysis';
import type { ReadSentence } from './documentReading';
import { wordMeaning, type MatchKind, type Meaning, type MeaningCutoffs } from './meaning';

/** A statement word as one sentence gives it: how fully (0 to 1), by what relation, and the word the source writes. */
export interface Cell {
  readonly strength: number;
  readonly kind?: MatchKind;
  readonly counterpart?: string;
}

/** A cell with every field set, like evidence.ts's wordMatch(); cells are shared between statements, so only read. */
function cellWith(strength: number, kind?: MatchKind, counterpart?: string): Cell {
  return { strength, kind, counterpart };
}

/** What a sentence remembers a statement word's counterpart by (worked out once per statement word, not per sentence). */
export function counterpartKey(word: StatementWord): string {
  // A word's term follows from its folded form, but for an acronym ("NATO": "nato_"), the one term ending in "_".
  return word.term.endsWith('_') ? word.term : word.norm;
}

/** How a sentence gives a statement word (remembered by `key`, its counterpartKey): the same index term, else the word that means it most nearly. */
export function cellFor(word: StatementWord, key: string, sentence: ReadSentence, byWord: Map<string, RelatedWords>, cutoffs: MeaningCutoffs, statementTerms: ReadonlySet<string>): Cell {
  let found = byWord.get(key);
  if (!found) {
    found = sentence.terms.has(word.term) ? relatedWordsOf([], cellWith(1, 'same', sentence.spelling.get(word.term))) : relatedWords(word.norm, sentence, cutoffs);
    byWord.set(key, found);
  }
  // The best related word stays the best when the statement's own words are set aside, unless it is one of them.
  if (found.bestTerm === undefined || !statementTerms.has(found.bestTerm)) return found.best;
  const at = bestRelated(found.words, sentence, statementTerms);
  if (at < 0) return NO_COUNTERPART;
  found.cells ??= [];
  found.cells[at] ??= cellOf(found.words[at], sentence);
  return found.cells[at];
}

/** A related word as the counterpart of a statement word. */
function cellOf({ at, meaning }: RelatedWord, sentence: ReadSentence): Cell {
  return cellWith(meaning.strength, meaning.kind, sentence.words[at]);
}

/**
 * Which of a sentence's related words is the counterpart (an index into `words`), or -1: the first of
 * the strongest, else the first opposite; a source word the statement itself uses stands for that
 * word, not for another ("last" is not "higher").
 */
function bestRelated(words: readonly RelatedWord[], sentence: ReadSentence, statementTerms?: ReadonlySet<string>): number {
  let best = -1;
  for (let i = 0; i < words.length; i++) {
    const { at, meaning } = words[i];
    if (statementTerms?.has(sentence.wordTerms[at])) continue;
    const strength = best < 0 ? 0 : words[best].meaning.strength;
    if (meaning.strength > strength || (best < 0 && meaning.kind === 'antonym')) best = i;
  }
  return best;
}

// Every sentence without a counterpart for a word shares this one.
const NO_COUNTERPART = cellWith(0);

interface RelatedWord {
  /** Index into the sentence's `words`. */
  at: number;
  meaning: Meaning;
}

/**
 * A sentence's words related to one statement word, and the counterpart they give when none is set
 * aside (for a word the sentence uses itself, none and that word).
 */
interface RelatedWords {
  words: readonly RelatedWord[];
  best: Cell;
  /** The index term of the best one's word. */
  bestTerm?: string;
  /** The counterparts of `words` when the best is set aside, by index, as first asked for. */
  cells?: Cell[];
}

/** Related words with every field set (see wordMatch()). */
function relatedWordsOf(words: readonly RelatedWord[], best: Cell, bestTerm?: string): RelatedWords {
  return { words, best, bestTerm, cells: undefined };
}

const NONE_RELATED = relatedWordsOf([], NO_COUNTERPART);
// A draft's statements keep asking the same source sentences about the same words: each sentence
// remembers, per statement word, the few of its words related to it (per set of cut-offs: the fit tries several).
type RelatedMemo = WeakMap<ReadSentence, Map<string, RelatedWords>>;
const relatedMemo = new WeakMap<MeaningCutoffs, RelatedMemo>();

/** The memo for one set of cut-offs (looked up once per source read, not once per pair of words). */
export function relatedMemoOf(cutoffs: MeaningCutoffs): RelatedMemo {
  let bySentence = relatedMemo.get(cutoffs);
  if (!bySentence) {
    bySentence = new WeakMap();
    relatedMemo.set(cutoffs, bySentence);
  }
  return bySentence;
}

/** One sentence's memo, by statement word (looked up once per sentence, not once per statement word). */
export function relatedOf(bySentence: RelatedMemo, sentence: ReadSentence): Map<string, RelatedWords> {
  let byWord = bySentence.get(sentence);
  if (!byWord) {
    byWord = new Map();
    bySentence.set(sentence, byWord);
  }
  return byWord;
}

/** The sentence's words related in meaning to a statement word (folded), in the sentence's order. */
function relatedWords(norm: string, sentence: ReadSentence, cutoffs: MeaningCutoffs): RelatedWords {
  const words: RelatedWord[] = [];
  sentence.words.forEach((candidate, at) => {
    const meaning = wordMeaning(norm, candidate, cutoffs);
    if (meaning) words.push({ at, meaning });
  });
  const best = bestRelated(words, sentence);
  return words.length === 0 ? NONE_RELATED : best < 0 ? relatedWordsOf(words, NO_COUNTERPART) : relatedWordsOf(words, cellOf(words[best], sentence), sentence.wordTerms[words[best].at]);
}

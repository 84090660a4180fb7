import type { Passage } from '../types';
import { STOP_WORDS } from '../search/stopWords';
import { scanTerms, termOf, tokenTerm, wordTokens } from '../search/tokenize';
import { findNumbers, type NumberMention } from './numbers';
import { entityGroups, type EntityGroup } from './entities';
import { isFigureTerm } from './analysis';

/** One sentence of a source as evidence assembly reads it. */
export interface ReadSentence {
  passage: Passage;
  /** Index terms, with acronyms of capitalized runs ("United States" -> "us_"). */
  terms: ReadonlySet<string>;
  /** Each index term's first spelling in the sentence, for messages and hover cards. */
  spelling: ReadonlyMap<string, string>;
  /** Distinct content words (folded), the candidates for a match by meaning. */
  words: readonly string[];
  /** The index term of each of `words`, in the same order. */
  wordTerms: readonly string[];
  /** The names the sentence mentions. */
  nameGroups: readonly EntityGroup[];
  /** Terms of the names the sentence mentions. */
  names: ReadonlySet<string>;
  figures: readonly NumberMention[];
}

export interface ReadDocument {
  docId: string;
  sentences: readonly ReadSentence[];
  /** Every index term of the document. */
  terms: ReadonlySet<string>;
  /** Every distinct content word of the document (folded). */
  words: readonly string[];
  /** The sentences (indices) that use each index term, in order. */
  sentencesWith: ReadonlyMap<string, readonly number[]>;
  /** Each passage's sentence index. */
  sentenceOf: ReadonlyMap<string, number>;
  /** The sentences' figures with finite values, by value (ties in sentence order). */
  figuresByValue: ReadonlyArray<{ value: number; at: number; figure: NumberMention }>;
}

// Reading a source costs a few milliseconds; a check reads the few candidates' sources, and a
// draft's statements keep coming back to the same ones.
const CACHED_DOCUMENTS = 64;
const cache = new Map<string, { passages: readonly Passage[]; read: ReadDocument }>();

/** A source's sentences with their terms, words, names and figures (cached while the passages stay the same). */
export function readDocument(docId: string, passages: readonly Passage[], isCommonWord: (term: string) => boolean): ReadDocument {
  const hit = cache.get(docId);
  if (hit && hit.passages === passages) {
    cache.delete(docId);
    cache.set(docId, hit);
    return hit.read;
  }
  const sentences = passages.map((passage) => readSentence(passage, isCommonWord));
  const terms = new Set<string>();
  for (const s of sentences) for (const t of s.terms) terms.add(t);
  let words: readonly string[] | undefined;
  const read: ReadDocument = {
    docId,
    sentences,
    terms,
    // Asked for only when a name is looked for by meaning in the whole source.
    get words() {
      words ??= [...new Set(sentences.flatMap((s) => s.words))];
      return words;
    },
    ...sentenceIndex(sentences),
  };
  cache.set(docId, { passages, read });
  if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
  return read;
}

// A statement looks up its words and figures in a source of any length: through these indexes, not
// by reading every sentence again.
function sentenceIndex(sentences: readonly ReadSentence[]): Pick<ReadDocument, 'sentencesWith' | 'sentenceOf' | 'figuresByValue'> {
  const sentencesWith = new Map<string, number[]>();
  const sentenceOf = new Map<string, number>();
  const figuresByValue: Array<{ value: number; at: number; figure: NumberMention }> = [];
  sentences.forEach((s, at) => {
    for (const term of s.terms) {
      const list = sentencesWith.get(term);
      if (list) list.push(at);
      else sentencesWith.set(term, [at]);
    }
    if (!sentenceOf.has(s.passage.id)) sentenceOf.set(s.passage.id, at);
    for (const figure of s.figures) if (Number.isFinite(figure.value)) figuresByValue.push({ value: figure.value, at, figure });
  });
  figuresByValue.sort((a, b) => a.value - b.value || a.at - b.at);
  return { sentencesWith, sentenceOf, figuresByValue };
}

function readSentence(passage: Passage, isCommonWord: (term: string) => boolean): ReadSentence {
  return new SentenceReading(passage, isCommonWord);
}

// Every sentence of a source is indexed by its terms and figures, but a statement reads only a few
// for their words, spellings and names: those are worked out when first asked for.
class SentenceReading implements ReadSentence {
  readonly terms: ReadonlySet<string>;
  readonly figures: readonly NumberMention[];
  /** Units written onto figures ("185lb"), each with the figure as written, for `spelling`. */
  private readonly gluedUnits: ReadonlyArray<readonly [term: string, raw: string]>;
  private read?: { spelling: Map<string, string>; words: string[]; wordTerms: string[] };
  private groups?: { nameGroups: readonly EntityGroup[]; names: ReadonlySet<string> };

  constructor(
    readonly passage: Passage,
    private readonly isCommonWord: (term: string) => boolean,
  ) {
    const terms = new Set(scanTerms(passage.text).withAcronyms);
    this.figures = findNumbers(passage.text);
    // A unit written onto a figure is a word the sentence says: "185lb" says "lb" as "185 lb" does.
    const glued: Array<[string, string]> = [];
    for (const figure of this.figures) {
      const unit = figure.glued && figure.unit !== undefined ? termOf(figure.unit) : undefined;
      if (unit === undefined || terms.has(unit)) continue;
      terms.add(unit);
      glued.push([unit, figure.raw]);
    }
    this.terms = terms;
    this.gluedUnits = glued;
  }

  get spelling(): ReadonlyMap<string, string> {
    return this.tokensRead().spelling;
  }

  get words(): readonly string[] {
    return this.tokensRead().words;
  }

  get wordTerms(): readonly string[] {
    return this.tokensRead().wordTerms;
  }

  get nameGroups(): readonly EntityGroup[] {
    return this.namesRead().nameGroups;
  }

  get names(): ReadonlySet<string> {
    return this.namesRead().names;
  }

  private tokensRead(): NonNullable<SentenceReading['read']> {
    if (this.read) return this.read;
    const spelling = new Map<string, string>();
    const words = new Set<string>();
    for (const token of wordTokens(this.passage.text)) {
      const term = tokenTerm(token);
      if (term === undefined) continue;
      if (!spelling.has(term)) spelling.set(term, token.raw);
      if (!STOP_WORDS.has(token.norm) && !isFigureTerm(term) && /^\p{L}/u.test(token.norm)) words.add(token.norm);
    }
    for (const [unit, raw] of this.gluedUnits) spelling.set(unit, raw);
    const distinct = [...words];
    this.read = { spelling, words: distinct, wordTerms: distinct.map((w) => termOf(w) ?? w) };
    return this.read;
  }

  private namesRead(): NonNullable<SentenceReading['groups']> {
    if (this.groups) return this.groups;
    const nameGroups = entityGroups(this.passage.text, this.isCommonWord, isFigureTerm);
    this.groups = { nameGroups, names: new Set(nameGroups.flatMap((g) => g.terms)) };
    return this.groups;
  }
}

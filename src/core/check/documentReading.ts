import type { Passage } from '../types';
import type { PassageRetrieval } from '../search/retrieval';
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
  /**
   * The sentences (indices, ascending) that use an index term; `index` gives the sentences whose
   * index terms have it (when it holds these passages), so the source's sentences need not all be
   * read for their terms.
   */
  sentencesWith(term: string, index?: SentencesIndexed): readonly number[];
  /** Each passage's sentence index. */
  sentenceOf: ReadonlyMap<string, number>;
  /** The sentences' figures with finite values, by value (ties in sentence order). */
  figuresByValue: ReadonlyArray<{ value: number; at: number; figure: NumberMention }>;
}

/** The passage index's answer to which sentences of a document have an index term (scanTerms' withAcronyms). */
export type SentencesIndexed = Pick<PassageRetrieval, 'sentencesWith'>;
/** Whether the corpus uses a term as an ordinary lower-case word (names are told from sentence-case words by it). */
export type CommonWords = Pick<PassageRetrieval, 'isCommonWord'>;

// Reading a source costs a few milliseconds; a check reads the few candidates' sources, and a
// draft's statements keep coming back to the same ones.
const CACHED_DOCUMENTS = 64;
// Each entry stamped with when it was last read (a count): the least recently read goes when the
// cache is full. (Moving a hit to the end of the map, a delete and a set, cost more than the hit.)
const cache = new Map<string, { passages: readonly Passage[]; read: ReadDocument; used: number }>();
let reads = 0;

/**
 * A source's sentences with their terms, words, names and figures (cached while the passages stay
 * the same). Each is worked out when first asked for: a statement whose words the passage index
 * places reads only the few sentences near them, not the whole source.
 */
export function readDocument(docId: string, passages: readonly Passage[], common: CommonWords): ReadDocument {
  const hit = cache.get(docId);
  if (hit && hit.passages === passages) {
    hit.used = ++reads;
    return hit.read;
  }
  const read = new DocumentReading(docId, passages, passages.map((passage) => new SentenceReading(passage, common)));
  cache.set(docId, { passages, read, used: ++reads });
  if (cache.size > CACHED_DOCUMENTS) cache.delete(leastRecentlyRead());
  return read;
}

function leastRecentlyRead(): string {
  let oldest: string | undefined;
  let oldestUse = Infinity;
  for (const [docId, entry] of cache) {
    if (entry.used < oldestUse) {
      oldest = docId;
      oldestUse = entry.used;
    }
  }
  return oldest!;
}

// Only a figure followed at once by letters ("185lb", "21st") has a unit written onto it.
const MAY_GLUE = /\d\p{L}/u;

class DocumentReading implements ReadDocument {
  readonly sentenceOf: ReadonlyMap<string, number>;
  private allTerms?: Set<string>;
  private allWords?: readonly string[];
  private byTerm?: Map<string, number[]>;
  /** Units written onto figures that are not index terms of their sentence, with the sentences that write them. */
  private glued?: Map<string, number[]>;
  private byValue?: Array<{ value: number; at: number; figure: NumberMention }>;
  private readonly withTerm = new Map<string, readonly number[]>();

  constructor(
    readonly docId: string,
    private readonly passages: readonly Passage[],
    readonly sentences: readonly SentenceReading[],
  ) {
    const sentenceOf = new Map<string, number>();
    sentences.forEach((s, at) => {
      if (!sentenceOf.has(s.passage.id)) sentenceOf.set(s.passage.id, at);
    });
    this.sentenceOf = sentenceOf;
  }

  get terms(): ReadonlySet<string> {
    if (!this.allTerms) {
      const terms = new Set<string>();
      for (const s of this.sentences) for (const t of s.terms) terms.add(t);
      this.allTerms = terms;
    }
    return this.allTerms;
  }

  // Asked for only when a name is looked for by meaning in the whole source.
  get words(): readonly string[] {
    this.allWords ??= [...new Set(this.sentences.flatMap((s) => s.words))];
    return this.allWords;
  }

  sentencesWith(term: string, index?: SentencesIndexed): readonly number[] {
    // Statement after statement asks for the same few terms: each answer is worked out once.
    let known = this.withTerm.get(term);
    if (known === undefined) {
      known = this.sentencesWithUncached(term, index);
      this.withTerm.set(term, known);
    }
    return known;
  }

  private sentencesWithUncached(term: string, index?: SentencesIndexed): readonly number[] {
    const found = index?.sentencesWith?.(this.docId, this.passages, term);
    if (found === undefined) return this.termIndex().get(term) ?? [];
    // A sentence's terms are its index terms and the units written onto its figures.
    const glued = this.gluedUnits().get(term);
    return glued ? [...new Set([...found, ...glued])].sort((a, b) => a - b) : found;
  }

  get figuresByValue(): ReadonlyArray<{ value: number; at: number; figure: NumberMention }> {
    if (!this.byValue) {
      const byValue: Array<{ value: number; at: number; figure: NumberMention }> = [];
      this.sentences.forEach((s, at) => {
        for (const figure of s.figures) if (Number.isFinite(figure.value)) byValue.push({ value: figure.value, at, figure });
      });
      this.byValue = byValue.sort((a, b) => a.value - b.value || a.at - b.at);
    }
    return this.byValue;
  }

  private termIndex(): Map<string, number[]> {
    if (!this.byTerm) {
      const byTerm = new Map<string, number[]>();
      this.sentences.forEach((s, at) => {
        for (const term of s.terms) {
          const list = byTerm.get(term);
          if (list) list.push(at);
          else byTerm.set(term, [at]);
        }
      });
      this.byTerm = byTerm;
    }
    return this.byTerm;
  }

  private gluedUnits(): Map<string, number[]> {
    if (!this.glued) {
      const glued = new Map<string, number[]>();
      this.sentences.forEach((s, at) => {
        if (!MAY_GLUE.test(s.passage.text)) return;
        for (const [unit] of s.gluedUnitTerms) {
          const list = glued.get(unit);
          if (list) list.push(at);
          else glued.set(unit, [at]);
        }
      });
      this.glued = glued;
    }
    return this.glued;
  }
}

// Every sentence of a source can be found by its terms and figures, but a statement reads only a
// few: each sentence's terms, figures, words, spellings and names are worked out when first asked for.
class SentenceReading implements ReadSentence {
  private scanned?: {
    terms: ReadonlySet<string>;
    /** Units written onto figures ("185lb") that are not already terms, each with the figure as written, for `spelling`. */
    gluedUnits: ReadonlyArray<readonly [term: string, raw: string]>;
  };
  private found?: readonly NumberMention[];
  private read?: { spelling: Map<string, string>; words: string[]; wordTerms: string[] };
  private groups?: { nameGroups: readonly EntityGroup[]; names: ReadonlySet<string> };

  constructor(
    readonly passage: Passage,
    private readonly common: CommonWords,
  ) {}

  get terms(): ReadonlySet<string> {
    return this.termsScanned().terms;
  }

  get figures(): readonly NumberMention[] {
    this.found ??= findNumbers(this.passage.text);
    return this.found;
  }

  get gluedUnitTerms(): ReadonlyArray<readonly [term: string, raw: string]> {
    return this.termsScanned().gluedUnits;
  }

  private termsScanned(): NonNullable<SentenceReading['scanned']> {
    if (this.scanned) return this.scanned;
    const terms = new Set(scanTerms(this.passage.text).withAcronyms);
    // A unit written onto a figure is a word the sentence says: "185lb" says "lb" as "185 lb" does.
    const glued: Array<[string, string]> = [];
    // (Only a figure followed at once by letters has one: other sentences are not read for figures here.)
    if (MAY_GLUE.test(this.passage.text)) {
      for (const figure of this.figures) {
        const unit = figure.glued && figure.unit !== undefined ? termOf(figure.unit) : undefined;
        if (unit === undefined || terms.has(unit)) continue;
        terms.add(unit);
        glued.push([unit, figure.raw]);
      }
    }
    this.scanned = { terms, gluedUnits: glued };
    return this.scanned;
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
    // (A sentence without a figure followed by letters has no unit written onto one: not scanned for them.)
    if (this.scanned || MAY_GLUE.test(this.passage.text)) for (const [unit, raw] of this.gluedUnitTerms) spelling.set(unit, raw);
    const distinct = [...words];
    this.read = { spelling, words: distinct, wordTerms: distinct.map((w) => termOf(w) ?? w) };
    return this.read;
  }

  private namesRead(): NonNullable<SentenceReading['groups']> {
    if (this.groups) return this.groups;
    const nameGroups = entityGroups(this.passage.text, (term) => this.common.isCommonWord(term), isFigureTerm);
    this.groups = { nameGroups, names: new Set(nameGroups.flatMap((g) => g.terms)) };
    return this.groups;
  }
}

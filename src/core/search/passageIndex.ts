import type { Passage, PassageHit } from '../types';
import { contentTerms, scanTerms, tokenTerm, wordTokens } from './tokenize';
import { TermStats } from './termStats';
import { queryCoverage, queryScorer, termPlaces, type TermPlace } from './coverage';
import { Postings, type PostingsState } from './postings';
import type { TermStatsState } from './termStats';
import type { PassageRetrieval, TermWeights } from './retrieval';
import { rememberedByText } from '../text/rememberedByText';
import { bestIndices } from '../kthLargest';

export interface PassageIndexState {
  postings: PostingsState;
  documents: Array<{ docId: string; firstSlot: number; count: number }>;
  stats: TermStatsState;
  lowercase: TermStatsState;
}

interface IndexedDocument {
  text: string;
  passages: readonly Passage[];
  firstSlot: number;
}

/** A scored candidate passage with the term sets the checker reuses. */
export interface ScoredPassage extends PassageHit {
  sentenceTerms: ReadonlySet<string>;
  contextTerms: ReadonlySet<string>;
}

const MAX_QUERY_TERMS = 8;
/** Candidates' term sets kept between queries: a draft check ranks the same passages for many statements, and again on every edit. */
const TERM_SET_CACHE = 4096;

interface PassageTerms {
  sentenceTerms: ReadonlySet<string>;
  contextTerms: ReadonlySet<string>;
}

/** A local passage's terms as ranking reads them: both sets, and each term once with where the passage has it. */
interface RankedTerms extends PassageTerms {
  placeOf: ReadonlyMap<string, TermPlace>;
}

/**
 * Full-text index over passages: the postings find candidates from the query's most
 * informative terms (BM25 over sentence and context), then candidates are re-ranked by
 * IDF-weighted coverage of the query.
 */
export class PassageIndex implements PassageRetrieval {
  // Index terms come from contentTerms with acronyms (stop words, acronyms, stemming in one pass).
  private search = new Postings();
  /** Each indexed document's text and passages (the engine's own arrays, not copies) and its first slot. */
  private readonly documents = new Map<string, IndexedDocument>();
  /** Document id by postings slot. */
  private readonly slotDocs: string[] = [];
  private passageTotal = 0;
  readonly stats = new TermStats();
  /** Terms the corpus writes in lower case somewhere: common words, not names. */
  private readonly lowercase = new TermStats();
  private readonly termSets = new Map<Passage, RankedTerms>();
  private scores = new Float64Array(64);

  get size(): number {
    return this.passageTotal;
  }

  /** Adds (or replaces) every passage of one document; `documentText` supplies neighbour context. */
  setDocument(docId: string, documentText: string, passages: readonly Passage[]): void {
    this.removeDocument(docId);
    const sentences: string[][] = [];
    const contextStarts: number[] = [];
    passages.forEach((passage, i) => {
      const scan = scanTerms(passage.text);
      this.stats.add(scan.terms);
      this.lowercase.add(scan.lowercase);
      sentences.push(scan.withAcronyms);
      contextStarts.push(contextStartOf(passage, passages[i - 1]));
    });
    const firstSlot = this.search.addDocument(sentences, contextRanges(passages, contextStarts));
    this.addEntry(docId, { text: documentText, passages, firstSlot });
  }

  removeDocument(docId: string): void {
    const indexed = this.documents.get(docId);
    if (!indexed) return;
    this.search.removeSlots(indexed.firstSlot, indexed.passages.length);
    for (const passage of indexed.passages) {
      this.termSets.delete(passage);
      const scan = scanTerms(passage.text);
      this.stats.remove(scan.terms);
      this.lowercase.remove(scan.lowercase);
    }
    this.passageTotal -= indexed.passages.length;
    this.documents.delete(docId);
  }

  private addEntry(docId: string, entry: IndexedDocument): void {
    this.documents.set(docId, entry);
    for (let i = 0; i < entry.passages.length; i++) this.slotDocs[entry.firstSlot + i] = docId;
    this.passageTotal += entry.passages.length;
  }

  /** The text of a passage's context (computed on demand: only ranked candidates need it). */
  private contextAt(slot: number): string {
    const { text, passages, firstSlot } = this.documents.get(this.slotDocs[slot])!;
    const i = slot - firstSlot;
    return text.slice(contextStartOf(passages[i], passages[i - 1]), passages[i].contextEnd);
  }

  /** True when the corpus uses the term as an ordinary lower-case word ("trade"), so a capital is only sentence case. */
  isCommonWord(term: string): boolean {
    return this.lowercase.documentFrequency(term) > 0;
  }

  sentencesWith(docId: string, passages: readonly Passage[], term: string): readonly number[] | undefined {
    const indexed = this.documents.get(docId);
    if (indexed?.passages !== passages) return undefined;
    return this.search.slotsWith(term, indexed.firstSlot, indexed.firstSlot + passages.length).map((slot) => slot - indexed.firstSlot);
  }

  passage(id: string): Passage | undefined {
    const hash = id.lastIndexOf('#');
    const passages = this.documents.get(id.slice(0, hash))?.passages;
    const usual = passages?.[Number(id.slice(hash + 1))];
    return usual?.id === id ? usual : passages?.find((p) => p.id === id);
  }

  /** The query's terms the corpus knows, most informative first, at most `max`. */
  informativeTerms(terms: readonly string[], max = MAX_QUERY_TERMS): string[] {
    const known = [...new Set(terms)].filter((term) => this.stats.documentFrequency(term) > 0);
    const idfs = this.scratchScores(known.length);
    for (let i = 0; i < known.length; i++) idfs[i] = this.stats.idf(known[i]);
    const informative: string[] = [];
    for (const i of bestIndices(idfs, max, known.length)) informative.push(known[i]);
    return informative;
  }

  /** Candidates for a list of query terms, re-ranked by coverage, best first. */
  rank(queryTerms: readonly string[], limit: number, weightOf?: (term: string) => number): ScoredPassage[] {
    const informative = this.informativeTerms(queryTerms);
    if (informative.length === 0) return [];
    const candidates = this.search.search(informative, Math.max(limit * 4, 24));
    const best = candidates.length > 0 ? candidates[0].score : 1;
    const scorer = queryScorer(queryTerms, this.stats, weightOf);
    // Filled by push, not map: map's array is packed run as a builtin and holey compiled in, and
    // the checker's readers of the other layout would be thrown out of their compiled code.
    const passages: Passage[] = [];
    const terms: RankedTerms[] = [];
    const scores = this.scratchScores(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const slot = candidates[i].slot;
      const passage = this.passageAt(slot);
      const passageTerms = this.termsOf(slot, passage);
      passages.push(passage);
      terms.push(passageTerms);
      scores[i] = scorer.score(passageTerms.placeOf) * 0.9 + 0.1 * (candidates[i].score / best);
    }
    // The terms found and the matched words, for emphasis, only of the candidates kept.
    const ranked: ScoredPassage[] = [];
    for (const i of bestIndices(scores, limit, candidates.length)) ranked.push(new RankedPassage(passages[i], scores[i], terms[i], () => scorer.inSentence(terms[i].sentenceTerms)));
    return ranked;
  }

  /**
   * Room for `count` scores, reused by every ranking (each reads its scores before the next
   * starts): a typed array made per call cost more than the loop that fills it.
   */
  private scratchScores(count: number): Float64Array {
    if (this.scores.length < count) this.scores = new Float64Array(Math.max(count, 2 * this.scores.length));
    return this.scores;
  }

  private passageAt(slot: number): Passage {
    const { passages, firstSlot } = this.documents.get(this.slotDocs[slot])!;
    return passages[slot - firstSlot];
  }

  /** A passage's sentence and context terms, cached (the oldest entry goes when the cache is full). */
  private termsOf(slot: number, passage: Passage): RankedTerms {
    let terms = this.termSets.get(passage);
    if (!terms) {
      const sentenceTerms = new Set(contentTerms(passage.text, true));
      const contextTerms = new Set(contentTerms(this.contextAt(slot), true));
      terms = { sentenceTerms, contextTerms, placeOf: termPlaces(sentenceTerms, contextTerms) };
      if (this.termSets.size >= TERM_SET_CACHE) this.termSets.delete(this.termSets.keys().next().value!);
      this.termSets.set(passage, terms);
    }
    return terms;
  }

  /** Plain data for the cache and the indexing worker; passages themselves travel with their documents. */
  exportState(): PassageIndexState {
    return {
      postings: this.search.toState(),
      documents: [...this.documents].map(([docId, { firstSlot, passages }]) => ({ docId, firstSlot, count: passages.length })),
      stats: this.stats.toState(),
      lowercase: this.lowercase.toState(),
    };
  }

  /** Rebuilds an index from exported state and each document's text and passages, without re-tokenizing. */
  static fromState(state: PassageIndexState, documentOf: (docId: string) => { text: string; passages: readonly Passage[] }): PassageIndex {
    const index = new PassageIndex();
    index.search = Postings.fromState(state.postings);
    index.stats.restore(state.stats);
    index.lowercase.restore(state.lowercase);
    for (const { docId, firstSlot, count } of state.documents) {
      const { text, passages } = documentOf(docId);
      if (passages.length !== count) throw new Error(`index state does not match document ${docId}`);
      index.addEntry(docId, { text, passages, firstSlot });
    }
    return index;
  }

  searchText(query: string, limit = 10): PassageHit[] {
    return this.rank(contentTerms(query), limit).map(({ passage, score, matchedTerms }) => ({ passage, score, matchedTerms }));
  }
}

/**
 * A candidate scored by how much of the query it covers (`relevance`: the search's own score
 * relative to the best candidate's, 0..1, which breaks near-ties). Every retrieval scores its
 * candidates with this, so local and archived passages compare on one scale.
 */
export function scoreCandidate(queryTerms: readonly string[], passage: Passage, terms: PassageTerms, relevance: number, stats: TermWeights, weightOf?: (term: string) => number): ScoredPassage {
  const cover = queryCoverage(queryTerms, stats, weightOf)(terms.sentenceTerms, terms.contextTerms);
  return new RankedPassage(passage, cover.score * 0.9 + 0.1 * relevance, terms, () => cover.inSentence);
}

/** A candidate whose matched words are read from its text when first asked for: a check ranks a few and shows fewer. */
class RankedPassage implements ScoredPassage {
  readonly sentenceTerms: ReadonlySet<string>;
  readonly contextTerms: ReadonlySet<string>;
  private matched?: string[];

  constructor(
    readonly passage: Passage,
    readonly score: number,
    terms: PassageTerms,
    private readonly inSentence: () => readonly string[],
  ) {
    this.sentenceTerms = terms.sentenceTerms;
    this.contextTerms = terms.contextTerms;
  }

  get matchedTerms(): string[] {
    this.matched ??= matchedWords(this.passage.text, new Set(this.inSentence()));
    return this.matched;
  }
}

/** For each passage, the range of passages (indices into `passages`) whose sentences its context spans. */
export function passageContexts(passages: readonly Passage[]): Array<[number, number]> {
  return contextRanges(passages, passages.map((passage, i) => contextStartOf(passage, passages[i - 1])));
}

function contextRanges(passages: readonly Passage[], contextStarts: readonly number[]): Array<[number, number]> {
  return passages.map((passage, i) => {
    let from = i;
    let to = i;
    while (from > 0 && passages[from - 1].start >= contextStarts[i]) from--;
    while (to < passages.length - 1 && passages[to + 1].end <= passage.contextEnd) to++;
    return [from, to];
  });
}

/** The words of `text` whose index term is in `terms`, as written, for emphasis. */
function matchedWords(text: string, terms: ReadonlySet<string>): string[] {
  const words = new Set<string>();
  for (const { raw, term } of termedWords(text)) if (term !== undefined && terms.has(term)) words.add(raw);
  return [...words];
}

// Candidates come back statement after statement: each one's words and their terms are read once.
const termedWords = rememberedByText((text) => {
  const words: Array<{ raw: string; term: string | undefined }> = [];
  for (const token of wordTokens(text)) words.push({ raw: token.raw, term: tokenTerm(token) });
  return words;
});

// A paragraph that opens with "This is about 30% more" speaks of the paragraph before it.
export const ANAPHORIC_OPENING = /^(?:this|that|these|those|it|such|they)\b/i;

/** Context start: the sentence's own neighbours, reaching back over a paragraph break for an anaphoric opening. */
export function contextStartOf(passage: Passage, previous: Passage | undefined): number {
  if (previous && passage.contextStart === passage.start && ANAPHORIC_OPENING.test(passage.text)) return previous.contextStart;
  return passage.contextStart;
}

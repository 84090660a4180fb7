// The seam between finding candidate passages and verifying them: the checker asks a
// PassageRetrieval, which the local index implements and the newsroom archive implements too
// (core/archive), so verification stays the same code whatever the passages came from.
import type { Passage } from '../types';
import type { ScoredPassage } from './passageIndex';

/** Corpus-wide term statistics: how much a term tells (BM25 IDF over passages). */
export interface TermWeights {
  idf(term: string): number;
  documentFrequency(term: string): number;
}

export interface PassageRetrieval {
  readonly stats: TermWeights;
  /** Candidates for a statement's (or quote's) terms, scored by coverage, best first. */
  rank(queryTerms: readonly string[], limit: number, weightOf?: (term: string) => number): ScoredPassage[];
  /** A passage by id, for the sentences around a candidate. */
  passage(id: string): Passage | undefined;
  /** True when the corpus uses the term as an ordinary lower-case word, so a capital is only sentence case. */
  isCommonWord(term: string): boolean;
  /**
   * The indices (ascending) of a document's passages whose sentence has the index term, found in
   * the index instead of by reading the document; undefined when the index does not hold exactly these passages.
   */
  sentencesWith?(docId: string, passages: readonly Passage[], term: string): readonly number[] | undefined;
}

/** BM25 IDF from a passage count and a term's document frequency (as TermStats computes it). */
export function bm25Idf(passages: number, df: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

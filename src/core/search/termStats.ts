import { bm25Idf, type TermWeights } from './retrieval';

/** Document frequencies of index terms over passages, kept current on add/remove, for IDF. */
export class TermStats implements TermWeights {
  private readonly df = new Map<string, number>();
  private passages = 0;

  add(terms: readonly string[]): void {
    this.passages++;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      if (isRepeat(terms, i)) continue;
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
    }
  }

  remove(terms: readonly string[]): void {
    this.passages = Math.max(0, this.passages - 1);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i];
      if (isRepeat(terms, i)) continue;
      const count = (this.df.get(term) ?? 0) - 1;
      if (count > 0) this.df.set(term, count);
      else this.df.delete(term);
    }
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** BM25-style IDF; a term the corpus has never seen gets the highest weight. */
  idf(term: string): number {
    return bm25Idf(this.passages, this.df.get(term) ?? 0);
  }

  get passageCount(): number {
    return this.passages;
  }

  /** Plain data for the cache and the indexing worker. */
  toState(): TermStatsState {
    return { passages: this.passages, terms: [...this.df.keys()], counts: [...this.df.values()] };
  }

  /** Replaces the contents with saved state. */
  restore(state: TermStatsState): void {
    this.df.clear();
    state.terms.forEach((term, i) => {
      this.df.set(term, state.counts[i]);
    });
    this.passages = state.passages;
  }
}

export interface TermStatsState {
  passages: number;
  terms: string[];
  counts: number[];
}

/** True when terms[i] came earlier too. A sentence has a dozen terms: a scan beats a Set for each of 400,000 sentences. */
function isRepeat(terms: readonly string[], i: number): boolean {
  return terms.indexOf(terms[i]) !== i;
}
